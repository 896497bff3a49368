package dev.calmcue.routine;

/**
 * A gentle prompt spoken during a step: once at a set second, or repeatedly with a period. A safety
 * prompt (JSON {@code "safety": true}) is kept with {@code --prompts few}; the others are chatter.
 */
public sealed interface Prompt {
  String say();

  boolean safety();

  /** Spoken once, {@code at} written seconds into the step (scaled with the step). */
  record At(int at, String say, boolean safety) implements Prompt {
    public At(int at, String say) {
      this(at, say, false);
    }
  }

  /** Spoken every {@code every} seconds of the step (the period is never scaled). */
  record Every(int every, String say, boolean safety) implements Prompt {
    public Every(int every, String say) {
      this(every, say, false);
    }
  }
}
