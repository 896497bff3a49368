package dev.calmcue.session;

import dev.calmcue.plan.Cue;
import java.time.Duration;

/** What a running session reports to whoever shows it (status line, phone page, history). */
public sealed interface SessionEvent {
  /** A step began (also after next or a resume that repeats it). @param index 0-based */
  record StepStarted(int index, int count, String stepId, String title) implements SessionEvent {}

  /** A cue started to sound (or, in text mode, fell due). */
  record CueStarted(Cue cue) implements SessionEvent {}

  /** Sent about once a second while playing. */
  record Progress(
      Duration sessionElapsed,
      Duration sessionTotal,
      int stepIndex,
      Duration stepElapsed,
      Duration stepTotal,
      boolean paused)
      implements SessionEvent {}

  /** Paused or resumed. */
  record PauseChanged(boolean paused) implements SessionEvent {}

  /** The prelude is done and the session waits for the parent to say ready. */
  record WaitingForReady(Duration timeout) implements SessionEvent {}

  /**
   * The session stood still for {@code gap} (the machine or the process was suspended) and what
   * fell due meanwhile was never heard. It is not made up in a burst: like a pause and a resume,
   * the current step's instruction is said again; after a very long stall the session stays {@code
   * paused} instead, silent until the parent resumes.
   */
  record Stalled(Duration gap, boolean paused) implements SessionEvent {}

  /** Switched to text mode (no device, or it went away); say it once. */
  record TextMode(String reason) implements SessionEvent {}

  /** The session is over. */
  record Ended(SessionOutcome outcome) implements SessionEvent {}
}
