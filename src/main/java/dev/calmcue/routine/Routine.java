package dev.calmcue.routine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A validated routine (routine format version 1): what to prepare, what to keep in mind, and the
 * timed steps to speak. Only {@link RoutineLoader} builds these from files; every rule of the
 * format holds.
 */
public record Routine(
    int schemaVersion,
    String id,
    String title,
    String description,
    String source,
    MinutesRange minutes,
    List<String> preparation,
    List<String> safety,
    List<Step> steps,
    String closing) {

  public Routine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(minutes, "minutes");
    preparation = List.copyOf(preparation == null ? List.of() : preparation);
    safety = List.copyOf(safety == null ? List.of() : safety);
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a routine needs at least one step");
    }
  }

  /** The steps' written length, before any {@code --minutes} scaling. */
  public Duration writtenLength() {
    return Duration.ofSeconds(steps.stream().mapToLong(Step::seconds).sum());
  }
}
