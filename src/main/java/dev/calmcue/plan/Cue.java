package dev.calmcue.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing spoken (or a chime) at a fixed time of the session.
 *
 * @param at when it starts, from session start
 * @param end when it ends ({@code at} + its spoken length)
 * @param stepId the step it belongs to, null outside steps (intro, preparation, closing)
 * @param text the words spoken; for a chime, a short description
 */
public record Cue(Duration at, Duration end, CueKind kind, String stepId, String text) {
  public Cue {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (at.isNegative() || end.compareTo(at) < 0) {
      throw new IllegalArgumentException("cue must have 0 <= at <= end, got " + at + ".." + end);
    }
  }

  public Duration length() {
    return end.minus(at);
  }

  public Optional<String> step() {
    return Optional.ofNullable(stepId);
  }

  /** True if the two cues share any instant (touching ends do not count). */
  public boolean overlaps(Cue other) {
    return at.compareTo(other.end) < 0 && other.at.compareTo(end) < 0;
  }
}
