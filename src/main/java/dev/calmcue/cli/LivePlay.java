package dev.calmcue.cli;

import dev.calmcue.history.HistoryStore;
import dev.calmcue.live.EarlyAudio;
import dev.calmcue.live.LiveSession;
import dev.calmcue.live.PlayStart;
import dev.calmcue.session.MonotonicClock;
import java.io.PrintWriter;
import java.util.Optional;

/** Wires a {@link PlayRequest} to a live session played at the terminal. */
final class LivePlay {
  private final PlayRequest request;
  private final HistoryStore history;
  private final Optional<EarlyAudio> early;
  private final boolean debug;
  private PrintWriter err;

  LivePlay(PlayRequest request, HistoryStore history, Optional<EarlyAudio> early, boolean debug) {
    this.request = request;
    this.history = history;
    this.early = early;
    this.debug = debug;
  }

  int run(PrintWriter out, PrintWriter err) {
    String noSound = null;
    if (request.text()) {
      noSound = request.display().speed() != 1.0 ? "--speed was given" : "--text was given";
    }
    LiveSession.Wiring wiring =
        new LiveSession.Wiring(
            MonotonicClock.system(),
            request.player(),
            history,
            w -> err.println("calmcue: warning: " + w),
            this::listenerFailed);
    LiveSession session =
        PlayStart.prepare(
            new PlayStart.Request(request.routine(), request.session(), noSound), early, wiring);
    // Ctrl-C is handled by TerminalSession; this catches SIGTERM and other ends of the JVM.
    Thread hook = new Thread(session::processEnding, "calmcue-history");
    Runtime.getRuntime().addShutdownHook(hook);
    this.err = err;
    try {
      return session.run(player -> new TerminalSession(player, out, err, request.display()).run());
    } finally {
      if (debug) {
        session.failure().ifPresent(e -> e.printStackTrace(err)); // the player's own bug
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running or done.
      }
    }
  }

  /** A status display or recorder that threw: one line, the stack trace with --debug. */
  private void listenerFailed(Throwable e) {
    err.println("calmcue: warning: a session display failed: " + e
        + (debug ? "" : " (details with --debug)"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }
}
