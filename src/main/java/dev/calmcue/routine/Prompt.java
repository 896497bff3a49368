package dev.calmcue.routine;

/** A gentle prompt spoken during a step: once at a set second, or repeatedly with a period. */
public sealed interface Prompt {
  String say();

  /** Spoken once, {@code at} written seconds into the step (scaled with the step). */
  record At(int at, String say) implements Prompt {}

  /** Spoken every {@code every} seconds of the step (the period is never scaled). */
  record Every(int every, String say) implements Prompt {}
}
