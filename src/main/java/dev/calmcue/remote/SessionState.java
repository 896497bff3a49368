package dev.calmcue.remote;

import dev.calmcue.plan.Cue;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionSnapshot;
import dev.calmcue.session.TakenCommand;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A snapshot of the session as the phone shows it. Fields that do not apply yet are null.
 *
 * @param stepIndex 0-based, -1 before the first step
 * @param stepText the current step's instruction, once it has been spoken
 * @param elapsed time played so far, pauses excluded
 * @param total planned length of the whole session
 * @param textMode why the session runs without sound, or null when it plays sound
 * @param lastCommand the command the session took last and where from ("heard: pause"), or null
 */
public record SessionState(
    Status status,
    String routineId,
    String title,
    int stepIndex,
    int stepCount,
    String stepId,
    String stepTitle,
    String stepText,
    Duration elapsed,
    Duration total,
    Duration stepElapsed,
    Duration stepTotal,
    Cue lastCue,
    String textMode,
    SessionOutcome outcome,
    TakenCommand lastCommand) {

  /** Where the session is; {@link #IDLE} before any session was started. */
  public enum Status {
    IDLE,
    STARTING,
    WAITING_FOR_READY,
    PLAYING,
    PAUSED,
    ENDED;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True while a session holds the player (a new one cannot start). */
    public boolean running() {
      return this != IDLE && this != ENDED;
    }
  }

  public SessionState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(stepElapsed, "stepElapsed");
    Objects.requireNonNull(stepTotal, "stepTotal");
  }

  public static SessionState idle() {
    return beforeAnyStep(Status.IDLE, null, null, 0);
  }

  /** A session that was just started and has not reported anything yet. */
  public static SessionState starting(String routineId, String title, int stepCount) {
    return beforeAnyStep(Status.STARTING, routineId, title, stepCount);
  }

  private static SessionState beforeAnyStep(
      Status status, String routineId, String title, int stepCount) {
    Duration none = Duration.ZERO;
    return new SessionState(
        status, routineId, title, -1, stepCount, null, null, null, none, none, none, none, null,
        null, null, null);
  }

  public boolean running() {
    return status.running();
  }

  /** The phone's view of the player's snapshot. */
  public static SessionState of(SessionSnapshot s) {
    Status status =
        switch (s.phase()) {
          case STARTING -> Status.STARTING;
          case PLAYING, ENDING -> Status.PLAYING;
          case PAUSED -> Status.PAUSED;
          case WAITING_FOR_READY -> Status.WAITING_FOR_READY;
          case ENDED -> Status.ENDED;
        };
    SessionEvent.StepStarted step = s.lastStep();
    return new SessionState(
        status,
        s.routineId(),
        s.title(),
        step == null ? -1 : step.index(),
        s.stepCount(),
        step == null ? null : step.stepId(),
        step == null ? null : step.title(),
        s.stepText(),
        s.sessionElapsed(),
        s.sessionTotal(),
        s.stepElapsed(),
        s.stepTotal(),
        s.lastCue(),
        s.textMode(),
        s.outcome(),
        s.lastCommand());
  }

  /** This state, ended with {@code outcome} (a session that failed before its player ran). */
  public SessionState ended(SessionOutcome outcome) {
    return new SessionState(
        Status.ENDED,
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
  }
}
