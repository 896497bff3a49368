package dev.calmcue.session;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session ended and how far it got.
 *
 * @param stepsCompleted steps whose full length was played (a skipped step does not count)
 * @param played time actually spent playing, pauses excluded
 * @param stoppedBy where the command or cancel that ended the session came from; empty when the
 *     session ended by itself (completed, nobody answered "Ready?", an error)
 */
public record SessionOutcome(
    Ending ending,
    String detail,
    int stepsCompleted,
    Duration played,
    Optional<ControlSource> stoppedBy) {
  public SessionOutcome {
    Objects.requireNonNull(ending, "ending");
    Objects.requireNonNull(stoppedBy, "stoppedBy");
  }

  /** An outcome nobody asked for (completed, no start, error). */
  public SessionOutcome(Ending ending, String detail, int stepsCompleted, Duration played) {
    this(ending, detail, stepsCompleted, played, Optional.empty());
  }

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
