package dev.calmcue.session;

import dev.calmcue.plan.Cue;
import java.time.Duration;
import java.util.Locale;

/**
 * What a running session looks like right now, as heard (not as written ahead into the sound card's
 * buffer). Immutable; {@link SessionPlayer#state()} returns a fresh one whenever anything changes.
 *
 * @param stepIndex 0-based; -1 during the prelude, {@code stepCount} during the closing
 * @param stepTitle the step's title, or "Getting ready" / "Closing" outside the steps
 * @param speaking the words being spoken now, empty when silent
 * @param textMode why there is no sound, or null when sound plays
 * @param outcome how it ended, or null while it runs
 * @param lastStep the last step heard to begin (it stays through the closing), or null before
 * @param stepText the instruction of {@code lastStep} once it has been heard, or null
 * @param lastCue the cue heard to begin last, or null
 */
public record SessionSnapshot(
    String routineId,
    String title,
    Phase phase,
    int stepIndex,
    int stepCount,
    String stepTitle,
    Duration sessionElapsed,
    Duration sessionTotal,
    Duration stepElapsed,
    Duration stepTotal,
    String speaking,
    String textMode,
    SessionOutcome outcome,
    SessionEvent.StepStarted lastStep,
    String stepText,
    Cue lastCue) {

  /** Where the session is. */
  public enum Phase {
    STARTING,
    PLAYING,
    PAUSED,
    WAITING_FOR_READY,
    ENDING,
    ENDED;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public boolean paused() {
    return phase == Phase.PAUSED;
  }

  public boolean waitingForReady() {
    return phase == Phase.WAITING_FOR_READY;
  }

  public Duration sessionRemaining() {
    Duration r = sessionTotal.minus(sessionElapsed);
    return r.isNegative() ? Duration.ZERO : r;
  }

  public Duration stepRemaining() {
    Duration r = stepTotal.minus(stepElapsed);
    return r.isNegative() ? Duration.ZERO : r;
  }
}
