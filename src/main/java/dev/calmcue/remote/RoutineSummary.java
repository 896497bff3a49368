package dev.calmcue.remote;

import dev.calmcue.routine.MinutesRange;
import java.time.Duration;
import java.util.Objects;

/**
 * One routine the phone can start: what the picker shows.
 *
 * @param written the steps' length as written, the length a start without minutes gets (as play)
 */
public record RoutineSummary(
    String id, String title, MinutesRange minutes, int steps, Duration written) {
  public RoutineSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(written, "written");
  }
}
