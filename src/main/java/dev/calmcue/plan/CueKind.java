package dev.calmcue.plan;

import java.util.Locale;

/**
 * What a cue is for. The order of {@link #priority()} decides which cue gives way when two would
 * overlap: instruction > next > chime > halfway > prompt.
 */
public enum CueKind {
  INTRO(90),
  PREPARATION(90),
  SAFETY(90),
  READY(90),
  INSTRUCTION(100),
  NEXT(80),
  HALFWAY(70),
  PROMPT(60),
  CHIME(75),
  CLOSING(100);

  private final int priority;

  CueKind(int priority) {
    this.priority = priority;
  }

  /** Higher wins a clash. */
  public int priority() {
    return priority;
  }

  /** The lowercase name used in JSON, captions and history. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
