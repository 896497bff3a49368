package dev.calmcue.remote;

import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The session as the phone sees it, and everyone listening: the host says when a session starts
 * (before its player exists) and passes on each player event with the player's snapshot taken for
 * it; the state is derived from that snapshot, never rebuilt from the events. Thread-safe.
 */
public final class SessionBroadcast {
  private final List<Consumer<SessionUpdate>> listeners = new CopyOnWriteArrayList<>();
  private SessionState state = SessionState.idle();

  /** A new session was asked for; it is being prepared. */
  public synchronized SessionState started(String routineId, String title, int stepCount) {
    return publish(
        SessionUpdate.Type.STARTED, null, SessionState.starting(routineId, title, stepCount));
  }

  /** The player reported {@code event}; {@code snapshot} is its state right after it. */
  public synchronized void event(SessionEvent event, SessionSnapshot snapshot) {
    Objects.requireNonNull(event, "event");
    if (!state.running()) {
      return; // a straggler after the end: nothing to show
    }
    publish(SessionUpdate.Type.of(event), event, SessionState.of(snapshot));
  }

  /** The session ended before its player could say so (preparing failed, a bug). */
  public synchronized void failed(SessionOutcome outcome) {
    if (state.running()) {
      SessionEvent.Ended ended = new SessionEvent.Ended(outcome);
      publish(SessionUpdate.Type.ENDED, ended, state.ended(outcome));
    }
  }

  public synchronized SessionState state() {
    return state;
  }

  /** Adds a listener; it is called on the reporting thread, in order, so it must not block. */
  public SessionHost.Subscription subscribe(Consumer<SessionUpdate> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private SessionState publish(SessionUpdate.Type type, SessionEvent event, SessionState next) {
    state = next;
    SessionUpdate update = new SessionUpdate(type, event, next);
    for (Consumer<SessionUpdate> listener : listeners) {
      listener.accept(update);
    }
    return next;
  }
}
