package dev.calmcue.cli;

import dev.calmcue.history.HistoryStore;
import dev.calmcue.live.EarlyAudio;
import dev.calmcue.live.LiveSession;
import dev.calmcue.live.PlayStart;
import dev.calmcue.session.MonotonicClock;
import dev.calmcue.voice.ListenSettings;
import java.io.PrintWriter;
import java.util.Optional;

/** Wires a {@link PlayRequest} to a live session played at the terminal. */
final class LivePlay {
  private final PlayRequest request;
  private final HistoryStore history;
  private final Optional<EarlyAudio> early;
  private final boolean debug;
  private final Optional<ListenSettings> listen;
  private PrintWriter err;

  LivePlay(PlayRequest request, HistoryStore history, Optional<EarlyAudio> early, boolean debug) {
    this(request, history, early, debug, Optional.empty());
  }

  /**
   * @param listen voice commands for this session (play --listen), loaded in the background
   */
  LivePlay(
      PlayRequest request,
      HistoryStore history,
      Optional<EarlyAudio> early,
      boolean debug,
      Optional<ListenSettings> listen) {
    this.request = request;
    this.history = history;
    this.early = early;
    this.debug = debug;
    this.listen = listen;
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
      return session.run(
          player -> {
            TerminalSession terminal = new TerminalSession(player, out, err, request.display());
            // the first cue is playing or about to: the model loads behind it
            Optional<VoiceControl> voice = listen.map(s -> startVoice(session, s, terminal));
            try {
              return terminal.run();
            } finally {
              voice.ifPresent(VoiceControl::close);
            }
          });
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

  /** Spoken commands for {@code session}; "Ready?" names them until they go away. */
  private VoiceControl startVoice(
      LiveSession session, ListenSettings settings, TerminalSession terminal) {
    terminal.answerReadyBySaying(settings.wakeWord() ? "calm cue, ready" : "ready");
    return VoiceControl.forSession(
        session, settings, err, () -> terminal.answerReadyBySaying(null));
  }

  /** A status display or recorder that threw: one line, the stack trace with --debug. */
  private void listenerFailed(Throwable e) {
    err.println(
        "calmcue: warning: a session display failed: "
            + e
            + (debug ? "" : " (details with --debug)"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }
}
