package dev.calmcue.session;

import java.util.List;

/**
 * Sentences the live player may speak that are not on the timeline. They are synthesized with the
 * cues before the session starts (see {@code CueSounds.prepare} with extra texts), so they play at
 * once.
 */
public final class SessionPhrases {
  /** Spoken when the parent says the baby is fussy. */
  public static final String FUSSY_CLOSING =
      "That's enough for today. Pick your baby up for a cuddle. You can try again later.";

  /** Spoken when nobody answered "Ready?" in time. */
  public static final String NO_START = "No problem. You can try again another time.";

  /** Every phrase, to prepare ahead. */
  public static final List<String> ALL = List.of(FUSSY_CLOSING, NO_START);

  private SessionPhrases() {}
}
