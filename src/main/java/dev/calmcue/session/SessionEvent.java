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

  /** Switched to text mode (no device, or it went away); say it once. */
  record TextMode(String reason) implements SessionEvent {}

  /** The session is over. */
  record Ended(SessionOutcome outcome) implements SessionEvent {}
}
