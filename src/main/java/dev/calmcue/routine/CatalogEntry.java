package dev.calmcue.routine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One routine the catalog knows, as {@code calmcue list} shows it. A broken file is still an entry:
 * {@link #problem()} is then its first problem and title, minutes and length are null.
 *
 * @param file the file as shown to the user (a path, or {@code built-in/ID.json} inside the jar)
 * @param hides other copies with the same id (and different content) that this one wins over
 */
public record CatalogEntry(
    String id,
    String title,
    MinutesRange minutes,
    int stepCount,
    Duration length,
    Origin origin,
    String file,
    Problem problem,
    List<String> hides) {

  /** Where a routine comes from, in the order the catalog searches. */
  public enum Origin {
    /** The checkout's {@code routines/} folder. */
    PROJECT("project"),
    /** The user's own folder, {@code $XDG_DATA_HOME/calmcue/routines}. */
    USER("user"),
    /** The seed routines bundled in the jar. */
    BUILT_IN("built-in");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(file, "file");
    hides = List.copyOf(hides);
  }

  static CatalogEntry of(Routine r, Origin origin, String file, List<String> hides) {
    return new CatalogEntry(
        r.id(),
        r.title(),
        r.minutes(),
        r.steps().size(),
        r.writtenLength(),
        origin,
        file,
        null,
        hides);
  }

  static CatalogEntry broken(
      String id, Origin origin, String file, Problem problem, List<String> hides) {
    return new CatalogEntry(id, null, null, 0, null, origin, file, problem, hides);
  }

  public boolean broken() {
    return problem != null;
  }
}
