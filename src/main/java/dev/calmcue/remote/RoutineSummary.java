package dev.calmcue.remote;

import dev.calmcue.routine.MinutesRange;
import java.util.Objects;

/** One routine the phone can start: what the picker shows. */
public record RoutineSummary(String id, String title, MinutesRange minutes, int steps) {
  public RoutineSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(minutes, "minutes");
  }
}
