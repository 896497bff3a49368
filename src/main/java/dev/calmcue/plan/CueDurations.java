package dev.calmcue.plan;

import java.time.Duration;

/** How long a text takes to speak; the planner's only view of the speech engine. */
@FunctionalInterface
public interface CueDurations {
  Duration spokenLength(String text);
}
