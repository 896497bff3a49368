package dev.calmcue.cli;

import dev.calmcue.routine.ControlChars;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.session.SessionPlayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Signals;

/**
 * Runs a {@link SessionPlayer} at the terminal: single keys in raw mode (no Enter), the live status
 * line, cues printed in text mode, logs with --verbose, and Ctrl-C that ends gracefully (line
 * closed, terminal restored exactly, exit 130). Keys come from the terminal on standard input even
 * when standard output is piped ({@code play | tee log}); the status line is redrawn in place only
 * on a terminal that allows it (not piped, not {@code TERM=dumb}, no {@code NO_COLOR}), else each
 * change is one plain line. JLine stays here, at the edge; the player knows nothing of terminals.
 */
final class TerminalSession {
  /**
   * How much to print: {@code quiet} only errors, {@code verbose} also every cue on stderr.
   *
   * @param textAsked text mode was asked for ({@code --text}, or {@code --speed} which implies it)
   */
  record Display(boolean quiet, boolean verbose, double speed, boolean textAsked) {
    /**
     * Whether to say the session runs in text mode. With {@code --quiet} only when nobody asked for
     * it: then no sound device is the reason, and the notice is the one sign that the parent will
     * hear nothing, which is as much an error to them as a failure. Asked for, it is no news.
     */
    boolean announcesTextMode() {
      return !quiet || !textAsked;
    }
  }

  private static final long REDRAW_MS = 100;

  private final SessionPlayer player;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Display display;
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private volatile boolean textMode;
  private volatile boolean keyboard;

  /** What to say to answer "Ready?" while voice commands are on, else null. */
  private volatile String spokenReady;

  private boolean redraw;
  private long startNanos;
  private StatusLine status;

  TerminalSession(SessionPlayer player, PrintWriter out, PrintWriter err, Display display) {
    this.player = player;
    this.out = out;
    this.err = err;
    this.display = display;
  }

  /**
   * Voice commands are on (or went off: null): "Ready?" tells the parent to say {@code phrase}, and
   * without a keyboard the session waits for it instead of starting by itself.
   */
  void answerReadyBySaying(String phrase) {
    spokenReady = phrase;
  }

  /** Plays the session to its end; returns the exit code. */
  int run() {
    boolean interactive = Terminals.stdinIsTerminal();
    keyboard = interactive;
    redraw = Terminals.stdoutIsTerminal() && !Terminals.plain();
    status = new StatusLine(out, redraw && !display.quiet());
    if (!interactive && !display.quiet()) {
      err.println(
          "calmcue: no keys: standard input is not a terminal, so the session runs by itself"
              + " (Ctrl-C stops it)");
      err.flush();
    }
    player.addListener(this::onEvent);
    AtomicReference<SessionOutcome> outcome = new AtomicReference<>();
    startNanos = System.nanoTime();
    // Sound first: the line opens and the preroll plays while the terminal is being set up.
    Thread writer = new Thread(() -> outcome.set(player.run()), "calmcue-writer");
    writer.setPriority(Thread.MAX_PRIORITY);
    writer.start();
    Terminal terminal = null;
    Attributes saved = null;
    Optional<String> modes = Optional.empty();
    Object sigint = null;
    try {
      if (interactive) {
        modes = Terminals.saveModes();
        terminal =
            TerminalBuilder.builder()
                .system(true)
                // stdout may be a pipe (play | tee log): then the terminal is the one on stderr
                .systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
                .dumb(true)
                // TERM=dumb means "no cursor control", not "no keys": JLine would refuse raw mode,
                // and nothing is written through this terminal, so any real type will do
                .type("dumb".equals(System.getenv("TERM")) ? "vt100" : null)
                .nativeSignals(true)
                .signalHandler(
                    signal -> {
                      if (signal == Terminal.Signal.INT) {
                        interrupt();
                      }
                    })
                .build();
        saved = terminal.enterRawMode();
      } else {
        sigint = Signals.register("INT", this::interrupt);
      }
      if (interactive && !display.quiet()) {
        status.println(Keys.HELP);
      }
      NonBlockingReader keys = terminal == null ? null : terminal.reader();
      while (writer.isAlive()) {
        if (keys != null) {
          int c = keys.read(REDRAW_MS);
          if (c == NonBlockingReader.EOF) {
            keys = null; // stdin closed: no more keys, the session goes on
          } else if (c >= 0) {
            onKey(c);
          }
        } else {
          writer.join(REDRAW_MS);
        }
        if (player.state() != null) {
          status.show(StatusLine.render(player.state(), width(terminal)));
        }
      }
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      player.cancel("interrupted", ControlSource.KEYBOARD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      status.finish();
      restore(terminal, saved);
      modes.ifPresent(Terminals::restoreModes);
      if (sigint != null) {
        Signals.unregister("INT", sigint);
      }
    }
    return report(outcome.get());
  }

  private void onKey(int c) {
    if (Keys.isHelp(c)) {
      status.println(Keys.HELP);
      return;
    }
    Optional<Command> command = Keys.command(c);
    command.ifPresent(k -> player.submit(k, ControlSource.KEYBOARD));
  }

  private void interrupt() {
    if (interrupted.compareAndSet(false, true)) {
      player.cancel("interrupted (Ctrl-C)", ControlSource.KEYBOARD);
    }
  }

  private void onEvent(SessionEvent e) {
    if (e instanceof SessionEvent.TextMode tm) {
      textMode = true;
      if (display.announcesTextMode()) {
        err.println(
            "calmcue: text mode: "
                + tm.reason()
                + "; each cue is printed as it falls due, on time, and keys still work");
        err.flush();
      }
    } else if (e instanceof SessionEvent.CueStarted cs) {
      // the cue's place in the session (pauses excluded), the same clock as the status line
      String line = "[" + StatusLine.clock(cs.cue().at()) + "] " + cs.cue().text();
      if (textMode && !display.quiet()) {
        status.println(line);
      }
      if (display.verbose()) {
        err.println(
            "calmcue: "
                + StatusLine.clock(elapsed())
                + " "
                + cs.cue().kind().jsonName()
                + ": "
                + ControlChars.escape(cs.cue().text()));
        err.flush();
      }
    } else if (e instanceof SessionEvent.StepStarted ss) {
      if (!display.quiet() && !textMode && !redraw) {
        status.println("step " + (ss.index() + 1) + "/" + ss.count() + ": " + ss.title());
      }
      if (display.verbose()) {
        err.println(
            "calmcue: step "
                + (ss.index() + 1)
                + "/"
                + ss.count()
                + " "
                + ControlChars.escape(ss.title()));
        err.flush();
      }
    } else if (e instanceof SessionEvent.WaitingForReady w) {
      if (spokenReady != null) {
        if (!display.quiet()) {
          status.println(
              "Ready? Say \""
                  + spokenReady
                  + "\""
                  + (keyboard ? " or press space" : "")
                  + " to start. Waiting up to "
                  + StatusLine.clock(w.timeout())
                  + ".");
        }
      } else if (!keyboard) {
        // nobody can press space here: go on, as a parent who heard "Ready?" would expect
        status.println("No keyboard to answer \"Ready?\": starting the steps now.");
        player.submit(Command.READY, ControlSource.HOST);
      } else if (!display.quiet()) {
        status.println(
            "Ready? Press space (or Enter) to start. Waiting up to "
                + StatusLine.clock(w.timeout())
                + ".");
      }
    } else if (e instanceof SessionEvent.Stalled st) {
      // said even with --quiet: it is why a cue was said again, or why all went silent
      err.println("calmcue: " + StallText.of(st));
      err.flush();
    } else if (e instanceof SessionEvent.PauseChanged pc) {
      if (!display.quiet() && !redraw) {
        status.println(pc.paused() ? "paused (space resumes)" : "resumed");
      }
      if (display.verbose()) {
        err.println("calmcue: " + (pc.paused() ? "paused" : "resumed"));
        err.flush();
      }
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(Math.round((System.nanoTime() - startNanos) * display.speed()));
  }

  private int report(SessionOutcome outcome) {
    if (outcome.ending() == Ending.ERROR) {
      err.println("calmcue: the session failed: " + outcome.detail());
      err.flush();
      return ExitCodes.RUNTIME;
    }
    if (!display.quiet()) {
      out.println(summary(outcome));
      out.flush();
    }
    return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }

  static String summary(SessionOutcome o) {
    String how;
    switch (o.ending()) {
      case COMPLETED:
        how = "Session complete";
        break;
      case FUSSY:
        how = "Stopped early (fussy baby)";
        break;
      case NO_START:
        how = "Not started (no answer to \"Ready?\")";
        break;
      default:
        how = "Stopped";
        break;
    }
    return how
        + ": "
        + o.stepsCompleted()
        + (o.stepsCompleted() == 1 ? " step" : " steps")
        + " completed, "
        + StatusLine.clock(o.played())
        + " played.";
  }

  private static int width(Terminal terminal) {
    int w = terminal == null ? 0 : terminal.getWidth();
    return w > 0 ? w : 80;
  }

  private static void restore(Terminal terminal, Attributes saved) {
    if (terminal == null) {
      return;
    }
    try {
      if (saved != null) {
        terminal.setAttributes(saved);
      }
      terminal.close();
    } catch (IOException | RuntimeException e) {
      // the terminal is going away with the process anyway
    }
  }
}
