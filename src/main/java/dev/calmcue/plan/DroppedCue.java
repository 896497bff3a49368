package dev.calmcue.plan;

import java.time.Duration;

/**
 * A cue the planner could not fit without overlapping a more important one; reported, never silent.
 */
public record DroppedCue(Duration at, CueKind kind, String stepId, String text, String reason) {}
