package dev.calmcue.lint;

/**
 * The listenability checks of {@code calmcue validate --speech}; docs/routine-format.md explains
 * each.
 */
public enum SpeechRule {
  /** A cue with more words than a listener keeps in mind at once. */
  LONG_CUE("long-cue"),
  /** A cue that, at the session's speaking rate, runs into the next cue of its step. */
  TOO_FAST("too-fast"),
  /**
   * Sentences the voice runs together: no space after a full stop, or a long sentence without a
   * comma.
   */
  NO_PAUSE("no-pause"),
  /** A word heard as another one (knead/need), or one with two meanings here ("bottom", "back"). */
  EAR_TRAP("ear-trap"),
  /** Digits, abbreviations, capitals and symbols a voice reads oddly or not at all. */
  READS_ODDLY("reads-oddly"),
  /**
   * A safety sentence that starts with "do not", "never" or "avoid": heard without the negation.
   */
  NEGATIVE_SAFETY("negative-safety");

  private final String id;

  SpeechRule(String id) {
    this.id = id;
  }

  /** The name printed after each warning. */
  public String id() {
    return id;
  }
}
