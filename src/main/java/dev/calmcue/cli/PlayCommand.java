package dev.calmcue.cli;

import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.live.EarlyAudio;
import dev.calmcue.live.PrepOnceADay;
import dev.calmcue.plan.Control;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.voice.ListenSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code calmcue play}: the live, hands-free session. */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Play a routine out loud: every instruction and gentle prompt is spoken on time, so both"
          + " hands stay on the baby. The preparation checklist and safety notes come first, then"
          + " \"Ready?\": press space to begin. Without a sound device it runs in text mode and"
          + " prints each cue as it falls due.",
      "",
      "Keys (no Enter needed): space pause/resume (and answers \"Ready?\"), n next step, r repeat"
          + " the instruction, q stop (the closing is spoken), f fussy baby (stop gently now), ?"
          + " keys.",
      "",
      "With --listen, say \"calm cue\" and then ready, pause, continue, next, repeat, stop or"
          + " \"baby is fussy\", as a short phrase of its own; a soft blip says it was heard."
          + " calmcue ignores what the microphone hears while it speaks. Check the microphone"
          + " first: calmcue mic.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  calmcue play back-massage              spoken, preparation first",
      "  calmcue play back-massage --no-prep    straight to the first step",
      "  calmcue play back-massage --bedtime    slower, quieter, no chimes",
      "  calmcue play back-massage --minutes 8 --rate 140 --volume 60",
      "  calmcue play my-routine.json --text    print each cue as it falls due",
      "  calmcue play back-massage --speed 20   a quick text demo",
      "  calmcue play back-massage --bedtime --prep-once-a-day",
      "  calmcue play back-massage --listen     spoken commands too",
      "",
      "Exit codes: 0 session ended (completed, stopped, fussy or not started),",
      "1 failure, 2 bad input, 130 Ctrl-C."
    })
final class PlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The sound {@code main} started before parsing, if any (see {@link EarlyAudio}). */
  Optional<EarlyAudio> early = Optional.empty();

  @Parameters(
      index = "0",
      paramLabel = "ROUTINE",
      completionCandidates = RoutineIds.class,
      description = "Routine id (see 'calmcue list') or a routine .json file.")
  String routine;

  @Mixin SessionOptions session;

  @Mixin ListenOptions listen;

  @Option(
      names = "--preroll",
      paramLabel = "MS",
      description =
          "Silence before the first word, in ms, 0-5000 (default: ${DEFAULT-VALUE}). Bluetooth"
              + " speakers and USB/HDMI outputs that went to sleep take a moment to wake up and"
              + " would swallow the first word; use 0 for a wired speaker that is always on.")
  int prerollMs = 300;

  @Option(
      names = "--ready-timeout",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description =
          "How long to wait for an answer to \"Ready?\" before saying \"No problem\" and ending,"
              + " e.g. 90s or 5m (default: 2m).")
  Duration readyTimeout = Duration.ofMinutes(2);

  @Option(
      names = "--text",
      description =
          "No sound: print each cue as it falls due (automatic when no device can be opened).")
  boolean text;

  @Option(
      names = "--speed",
      paramLabel = "N",
      description = "Run the clock N times faster, for tests and demos (implies --text).")
  double speed = 1.0;

  @Option(
      names = "--prep-once-a-day",
      description =
          "Speak the preparation and safety notes only in the first session of the day (session"
              + " history tells; a session nobody said ready to does not count). --no-prep wins.")
  boolean prepOnceADay;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log every cue spoken, and when, on stderr.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    HistoryStore history =
        new HistoryStore(HistoryLocation.historyFile(), java.time.Clock.systemDefaultZone());
    // Keys answer "Ready?" and stop the session only at a terminal (as TerminalSession decides);
    // with --listen the voice does too.
    Set<Control> controls = EnumSet.noneOf(Control.class);
    if (Terminals.stdinIsTerminal()) {
      controls.add(Control.KEYS);
    }
    if (listen.listen) {
      controls.add(VoiceControl.control(listen.settings()));
    }
    SessionSettings settings = session.settings(true).withControls(controls);
    if (prepOnceADay) {
      settings = PrepOnceADay.apply(settings, history, w -> err.println("calmcue: warning: " + w));
    }
    PlayRequest request =
        PlayRequest.of(
            spec.commandLine(),
            routine,
            settings,
            prerollMs,
            readyTimeout,
            text,
            speed,
            quiet,
            verbose);
    Optional<ListenSettings> voice =
        listen.listen ? Optional.of(listen.settings()) : Optional.empty();
    boolean debug = CalmcueCommand.debugRequested(spec.root().commandLine().getParseResult());
    return new LivePlay(request, history, early, debug, voice)
        .run(spec.commandLine().getOut(), err);
  }

  /** Accepts 120, 90s, 2m or 1m30s. */
  static final class TimeConverter implements ITypeConverter<Duration> {
    private static final Pattern TIME = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s?)?");

    @Override
    public Duration convert(String value) {
      Matcher m = TIME.matcher(value.strip());
      if (value.isBlank() || !m.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a time; use seconds (90s) or minutes (2m)");
      }
      long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      long seconds = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
      return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }
  }
}
