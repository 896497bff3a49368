package dev.calmcue.plan;

import java.time.Duration;
import java.util.List;

/**
 * The whole session as planned: cues in time order, none overlapping, plus the step spans and what
 * had to be dropped. Times are from session start.
 *
 * @param stepsStart when the first step's instruction starts (everything before is the prelude:
 *     intro, preparation, safety, the ready question)
 * @param total when the last cue ends
 */
public record Timeline(
    String routineId,
    String title,
    List<Cue> cues,
    List<DroppedCue> dropped,
    List<StepSpan> steps,
    Duration stepsStart,
    Duration total) {
  public Timeline {
    cues = List.copyOf(cues);
    dropped = List.copyOf(dropped);
    steps = List.copyOf(steps);
  }
}
