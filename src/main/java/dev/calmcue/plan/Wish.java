package dev.calmcue.plan;

import java.time.Duration;

/** A cue that would like to sound at {@code at} but may move within {@code [from, to]}. */
record Wish(
    CueKind kind,
    String stepId,
    String text,
    Duration at,
    Duration length,
    Duration from,
    Duration to) {}
