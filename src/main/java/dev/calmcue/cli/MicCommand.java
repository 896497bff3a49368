package dev.calmcue.cli;

import dev.calmcue.voice.BandCheck;
import dev.calmcue.voice.CommandAcceptor;
import dev.calmcue.voice.EchoGate;
import dev.calmcue.voice.Hypothesis;
import dev.calmcue.voice.ListenSettings;
import dev.calmcue.voice.SpokenCommand;
import dev.calmcue.voice.VoiceListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calmcue mic}: is the microphone heard, and are the commands understood? */
@Command(
    name = "mic",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check the microphone before a session with --listen: a live level meter, and every command"
          + " as it is recognized. Say \"calm cue, pause\" from where you will stand. Ctrl-C ends.",
      ""
    },
    footer = {
      "",
      "The meter should jump well above the room's level when you speak (about -40 to -15 dBFS);",
      "if it stays at the bottom, the system's default capture device is not your microphone.",
      "",
      "Exit codes: 0 done, 1 no microphone or the speech model did not load, 2 bad input."
    })
final class MicCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ListenOptions listen;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      description = "Stop after N seconds (default: run until Ctrl-C).")
  int seconds;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also show what was heard but not taken, and why.")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    boolean live = System.console() != null;
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<String> failure = new AtomicReference<>();
    ListenSettings settings = listen.settings();
    out.println("Loading the speech model...");
    out.flush();
    VoiceListener.Events events =
        new VoiceListener.Events() {
          private long lastPrint;
          private double peak = -120;

          @Override
          public void listening(Duration took, String source) {
            line(
                out,
                live,
                "Listening on the "
                    + source
                    + " (model loaded in "
                    + took.toMillis()
                    + " ms). Say \""
                    + (settings.wakeWord() ? "calm cue, " : "")
                    + "pause\".");
          }

          @Override
          public void level(double dbfs) {
            peak = Math.max(peak, dbfs);
            long now = System.nanoTime();
            if (now - lastPrint < (live ? 100_000_000L : 1_000_000_000L)) {
              return;
            }
            lastPrint = now;
            String meter = meter(peak);
            peak = -120;
            synchronized (out) {
              if (live) {
                out.print("\r" + meter);
              } else {
                out.println(meter);
              }
              out.flush();
            }
          }

          @Override
          public void command(SpokenCommand c, Hypothesis h, Duration latency) {
            line(
                out,
                live,
                "heard: "
                    + c.name().toLowerCase(Locale.ROOT)
                    + "   (\""
                    + h.text()
                    + "\", margin "
                    + Math.round(h.margin())
                    + ", "
                    + latency.toMillis()
                    + " ms after you stopped)");
          }

          @Override
          public void rejected(Hypothesis h, CommandAcceptor.Verdict why) {
            if (verbose) {
              line(
                  out,
                  live,
                  "not a command ("
                      + why.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + "): \""
                      + h.text()
                      + "\", margin "
                      + Math.round(h.margin())
                      + ", "
                      + h.startMs()
                      + "-"
                      + h.endMs()
                      + " ms");
            }
          }

          @Override
          public void narrowBand() {
            line(out, live, "warning: " + BandCheck.WARNING);
          }

          @Override
          public void unavailable(String why) {
            failure.set(why);
            done.countDown();
          }
        };
    try (VoiceListener l =
        VoiceListener.microphone(settings, new EchoGate(Duration.ZERO, Duration.ZERO), events)
            .start()) {
      Thread hook = new Thread(done::countDown, "calmcue-mic-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      if (seconds > 0) {
        done.await(seconds, TimeUnit.SECONDS);
      } else {
        done.await();
      }
    }
    if (live) {
      out.println();
    }
    if (failure.get() != null) {
      spec.commandLine().getErr().println("calmcue mic: " + failure.get());
      return ExitCodes.RUNTIME;
    }
    return ExitCodes.OK;
  }

  private static void line(PrintWriter out, boolean live, String text) {
    synchronized (out) {
      out.println((live ? "\r\033[K" : "") + text);
      out.flush();
    }
  }

  /** "level -32 dBFS |######### |" from -80 to 0 dBFS. */
  static String meter(double dbfs) {
    int width = 40;
    double clamped = Math.max(-80, Math.min(0, dbfs));
    int bars = (int) Math.round((clamped + 80) / 80 * width);
    return String.format(
        Locale.ROOT,
        "level %4d dBFS |%s%s|",
        Math.round(clamped),
        "#".repeat(bars),
        " ".repeat(width - bars));
  }
}
