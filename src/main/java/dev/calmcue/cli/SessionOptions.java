package dev.calmcue.cli;

import dev.calmcue.live.SessionChoices;
import dev.calmcue.music.MusicSettings;
import dev.calmcue.music.MusicStyle;
import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeakingRate;
import dev.calmcue.speech.SpeechSettings;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Options shared by plan, play and render, so all three speak the same session. */
public final class SessionOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private Double minutes;
  private Integer rate;
  private Integer volume;
  private MusicStyle music;
  private int musicVolume = MusicSettings.DEFAULT_VOLUME;

  @Option(
      names = "--bedtime",
      description = "Bedtime preset: slower, quieter, a softer closing, no chimes.")
  boolean bedtime;

  @Option(names = "--no-chimes", description = "No soft chime between steps.")
  boolean noChimes;

  @Option(
      names = "--prompts",
      paramLabel = "few|normal",
      converter = PromptsConverter.class,
      description =
          "few: only instructions, next, the baby check and safety prompts, so there is"
              + " room to talk and sing; normal (default): every prompt.")
  PromptAmount prompts = PromptAmount.NORMAL;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      description = "Speech engine: freetts (default, built in) or espeak (needs espeak-ng).")
  String engine = SpeechSettings.DEFAULT_ENGINE;

  @Option(
      names = "--voice",
      paramLabel = "NAME",
      description =
          "Voice of the engine (see 'calmcue voices'). Default: kevin16 for freetts, en-us for"
              + " espeak.")
  String voice;

  @Option(
      names = "--prep",
      negatable = true,
      description =
          "Speak the preparation checklist and safety notes first (play: on; plan, render: off).")
  Boolean prep;

  @Option(
      names = "--minutes",
      paramLabel = "M",
      description =
          "How long the steps last, in minutes, within the routine's range (see 'calmcue show')."
              + " Default: as written.")
  void setMinutes(double m) {
    if (!(m > 0) || m > 600) {
      throw new ParameterException(
          spec.commandLine(),
          "--minutes must be a number of minutes from above 0 to 600, got " + m);
    }
    minutes = m;
  }

  @Option(
      names = "--rate",
      paramLabel = "WPM",
      description =
          "Speaking rate in heard words per minute, 80-220. Default: 140, 120 with --bedtime.")
  void setRate(int wpm) {
    if (wpm < SpeakingRate.MIN_WPM || wpm > SpeakingRate.MAX_WPM) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate must be "
              + SpeakingRate.MIN_WPM
              + " to "
              + SpeakingRate.MAX_WPM
              + " words per minute, got "
              + wpm);
    }
    rate = wpm;
  }

  @Option(
      names = "--volume",
      paramLabel = "0-100",
      description = "Loudness 0-100. Default: 80, 55 with --bedtime.")
  void setVolume(int v) {
    if (v < 0 || v > 100) {
      throw new ParameterException(spec.commandLine(), "--volume must be 0 to 100, got " + v);
    }
    volume = v;
  }

  @Option(
      names = "--music",
      paramLabel = "lullaby|pulse|off",
      description =
          "Music under the voice, paced by each step's strokes: lullaby (a soft music box), pulse"
              + " (a soft low tick on each stroke) or off. Default: off, lullaby with --bedtime.")
  void setMusic(String name) {
    music =
        MusicStyle.named(name)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(), "--music must be lullaby, pulse or off, got " + name));
  }

  @Option(
      names = "--music-volume",
      paramLabel = "0-100",
      description = "Loudness of the music relative to the voice, 0-100. Default: 60.")
  void setMusicVolume(int v) {
    if (v < 0 || v > 100) {
      throw new ParameterException(spec.commandLine(), "--music-volume must be 0 to 100, got " + v);
    }
    musicVolume = v;
  }

  /** The settings these options describe; {@code prepByDefault} is the command's own default. */
  SessionSettings settings(boolean prepByDefault) {
    MusicStyle style = music != null ? music : bedtime ? MusicStyle.LULLABY : MusicStyle.OFF;
    return new SessionChoices(
            minutes == null ? OptionalDouble.empty() : OptionalDouble.of(minutes),
            prep == null ? prepByDefault : prep,
            !noChimes,
            bedtime,
            engine,
            voice,
            rate == null ? OptionalInt.empty() : OptionalInt.of(rate),
            volume == null ? OptionalInt.empty() : OptionalInt.of(volume),
            prompts)
        .settings()
        .withMusic(new MusicSettings(style, musicVolume));
  }

  /** few or normal, any case; one clear line otherwise. */
  static final class PromptsConverter implements ITypeConverter<PromptAmount> {
    @Override
    public PromptAmount convert(String value) {
      for (PromptAmount p : PromptAmount.values()) {
        if (p.cliName().equalsIgnoreCase(value.strip())) {
          return p;
        }
      }
      throw new TypeConversionException("'" + value + "' is not few or normal");
    }
  }
}
