package dev.calmcue.session;

import java.time.Duration;
import java.util.Locale;

/**
 * How a session ended and how far it got.
 *
 * @param stepsCompleted steps whose full length was played (a skipped step does not count)
 * @param played time actually spent playing, pauses excluded
 */
public record SessionOutcome(Ending ending, String detail, int stepsCompleted, Duration played) {
  /** Closed set of ways a session ends; the names are what history stores. */
  public enum Ending {
    COMPLETED,
    STOPPED,
    FUSSY,
    NO_START,
    ERROR;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
