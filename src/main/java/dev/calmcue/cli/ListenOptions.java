package dev.calmcue.cli;

import dev.calmcue.voice.ListenSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Voice command options shared by play, serve and mic. */
public final class ListenOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--listen",
      description =
          "Obey spoken commands, offline: \"calm cue, ready\" (pause, continue, next, repeat, stop,"
              + " baby is fussy). Needs a microphone; the speech model loads in the background.")
  boolean listen;

  private boolean wakeWord = true;
  private double margin = ListenSettings.DEFAULT.minMargin();

  @Option(
      names = "--wake-word",
      paramLabel = "on|off",
      description =
          "Say \"calm cue\" before each command (default: on). Off: the bare word works, and the"
              + " parent's own short words (\"steady\", \"yes\") are mistaken for commands far more"
              + " often.")
  void setWakeWord(String v) {
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "on" -> wakeWord = true;
      case "off" -> wakeWord = false;
      default ->
          throw new ParameterException(
              spec.commandLine(), "--wake-word must be on or off, got '" + v + "'");
    }
  }

  @Option(
      names = "--listen-margin",
      paramLabel = "N",
      description =
          "How clearly a command must beat \"anything else\" in the recognizer's scores, 0-200"
              + " (default: ${DEFAULT-VALUE}; stop and fussy, which end the session, need 10 more)."
              + " Higher: fewer false commands, more missed ones.")
  void setMargin(double m) {
    if (!(m >= 0) || m > 200) {
      throw new ParameterException(
          spec.commandLine(), "--listen-margin must be 0 to 200, got " + m);
    }
    margin = m;
  }

  ListenSettings settings() {
    return ListenSettings.DEFAULT.withWakeWord(wakeWord).withMinMargin(margin);
  }
}
