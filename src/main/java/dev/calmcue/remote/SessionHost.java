package dev.calmcue.remote;

import dev.calmcue.history.HistoryRecord;
import dev.calmcue.session.Command;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the remote server needs from whatever runs sessions: one session at a time, commands, a
 * state snapshot and a stream of updates. The real one runs the player; tests use a fake on a
 * virtual clock.
 */
public interface SessionHost {
  /** Routines the phone can start, in catalog order. */
  List<RoutineSummary> routines();

  /**
   * Starts a session and returns at once (the session runs in the background).
   *
   * @throws SessionBusyException if a session is already running
   * @throws dev.calmcue.CalmcueException of kind INPUT for an unknown routine or minutes out of
   *     range
   */
  SessionState start(StartRequest request);

  /** Passes a command to the running session; false when none is running. */
  boolean send(Command command);

  SessionState state();

  /** Calls the listener after every change, with the state already updated; close to stop. */
  Subscription subscribe(Consumer<SessionUpdate> listener);

  /** Recorded sessions, newest first, at most {@code limit}. */
  List<HistoryRecord> history(int limit);

  /** Speaks (or, in text mode, shows) a short line outside any session, e.g. "calmcue is ready". */
  void announce(String text);

  /**
   * Ends a running session with its closing (recorded as stopped) and waits for it to finish.
   *
   * @param wait the longest to wait for the closing to be spoken
   */
  void shutdown(Duration wait);

  /** Stops a listener from being called. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
