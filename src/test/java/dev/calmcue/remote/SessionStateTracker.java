package dev.calmcue.remote;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * For {@link FakeSessionHost} only: folds events it makes up into the {@link SessionState} the
 * phone shows. The real host derives the state from the player's snapshot ({@link
 * SessionBroadcast}).
 */
public final class SessionStateTracker implements Consumer<SessionEvent> {
  private final List<Consumer<SessionUpdate>> listeners = new CopyOnWriteArrayList<>();

  private Status status = Status.IDLE;
  private String routineId;
  private String title;
  private int stepIndex = -1;
  private int stepCount;
  private String stepId;
  private String stepTitle;
  private String stepText;
  private Duration elapsed = Duration.ZERO;
  private Duration total = Duration.ZERO;
  private Duration stepElapsed = Duration.ZERO;
  private Duration stepTotal = Duration.ZERO;
  private Cue lastCue;
  private String textMode;
  private SessionOutcome outcome;
  private dev.calmcue.session.TakenCommand lastCommand;
  private SessionState snapshot = SessionState.idle();

  /** The session took {@code c}: the next state says so, as the player's snapshot would. */
  public synchronized void taken(dev.calmcue.session.TakenCommand c) {
    lastCommand = c;
  }

  /** A new session took the player; forgets everything about the last one. */
  public synchronized SessionState started(String routineId, String title, int stepCount) {
    this.status = Status.STARTING;
    this.routineId = routineId;
    this.title = title;
    this.stepIndex = -1;
    this.stepCount = stepCount;
    this.stepId = null;
    this.stepTitle = null;
    this.stepText = null;
    this.elapsed = Duration.ZERO;
    this.total = Duration.ZERO;
    this.stepElapsed = Duration.ZERO;
    this.stepTotal = Duration.ZERO;
    this.lastCue = null;
    this.textMode = null;
    this.outcome = null;
    this.lastCommand = null;
    return publish(SessionUpdate.Type.STARTED, null);
  }

  @Override
  public synchronized void accept(SessionEvent event) {
    Objects.requireNonNull(event, "event");
    if (!status.running()) {
      return; // a straggler after Ended, or an event with no session: nothing to show
    }
    publish(fold(event), event);
  }

  public synchronized SessionState state() {
    return snapshot;
  }

  /** Adds a listener; it is called on the reporting thread, in order, so it must not block. */
  public SessionHost.Subscription subscribe(Consumer<SessionUpdate> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Applies one event and returns its name on the wire. */
  private SessionUpdate.Type fold(SessionEvent event) {
    if (event instanceof SessionEvent.StepStarted e) {
      boolean sameStep = e.index() == stepIndex;
      stepIndex = e.index();
      stepCount = e.count();
      stepId = e.stepId();
      stepTitle = e.title();
      stepElapsed = Duration.ZERO;
      if (!sameStep) {
        stepText = null;
        stepTotal = Duration.ZERO;
      }
      if (status != Status.PAUSED) {
        status = Status.PLAYING;
      }
      return SessionUpdate.Type.STEP;
    }
    if (event instanceof SessionEvent.CueStarted e) {
      lastCue = e.cue();
      if (e.cue().kind() == CueKind.INSTRUCTION && Objects.equals(e.cue().stepId(), stepId)) {
        stepText = e.cue().text();
      }
      if (status == Status.STARTING) {
        status = Status.PLAYING;
      }
      return SessionUpdate.Type.CUE;
    }
    if (event instanceof SessionEvent.Progress e) {
      elapsed = e.sessionElapsed();
      total = e.sessionTotal();
      stepElapsed = e.stepElapsed();
      stepTotal = e.stepTotal();
      if (status != Status.WAITING_FOR_READY) {
        status = e.paused() ? Status.PAUSED : Status.PLAYING;
      }
      return SessionUpdate.Type.PROGRESS;
    }
    if (event instanceof SessionEvent.PauseChanged e) {
      status = e.paused() ? Status.PAUSED : Status.PLAYING;
      return SessionUpdate.Type.PAUSE;
    }
    if (event instanceof SessionEvent.WaitingForReady) {
      status = Status.WAITING_FOR_READY;
      return SessionUpdate.Type.WAITING;
    }
    if (event instanceof SessionEvent.TextMode e) {
      textMode = e.reason();
      return SessionUpdate.Type.TEXTMODE;
    }
    if (event instanceof SessionEvent.Ended e) {
      status = Status.ENDED;
      outcome = e.outcome();
      return SessionUpdate.Type.ENDED;
    }
    throw new IllegalArgumentException("unknown session event " + event);
  }

  private SessionState publish(SessionUpdate.Type type, SessionEvent event) {
    snapshot =
        new SessionState(
            status,
            routineId,
            title,
            stepIndex,
            stepCount,
            stepId,
            stepTitle,
            stepText,
            elapsed,
            total,
            stepElapsed,
            stepTotal,
            lastCue,
            textMode,
            outcome,
            lastCommand);
    SessionUpdate update = new SessionUpdate(type, event, snapshot);
    for (Consumer<SessionUpdate> listener : listeners) {
      listener.accept(update);
    }
    return snapshot;
  }
}
