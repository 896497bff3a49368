package dev.calmcue.cli;

import dev.calmcue.routine.CatalogEntry;
import dev.calmcue.routine.RoutineCatalog;
import java.util.Iterator;

/**
 * The routine ids shell completion offers (picocli writes them into the completion script when the
 * build makes it): the routines bundled in calmcue. Only the jar is read, never the user's folders.
 */
final class RoutineIds implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return new RoutineCatalog(null, null, true)
        .entries().stream().filter(e -> !e.broken()).map(CatalogEntry::id).iterator();
  }
}
