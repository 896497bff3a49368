package dev.calmcue.plan;

import java.time.Duration;

/**
 * Where a routine step lies on the timeline.
 *
 * @param index 0-based position of the step in the routine
 */
public record StepSpan(int index, String id, String title, Duration start, Duration end) {
  public Duration length() {
    return end.minus(start);
  }
}
