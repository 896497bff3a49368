package dev.calmcue.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.routine.CatalogEntry;
import dev.calmcue.routine.ControlChars;
import dev.calmcue.text.TimeText;
import java.util.List;

/** The catalog as {@code calmcue list} prints it: an aligned table, or JSON for scripts. */
final class CatalogListing {
  private CatalogListing() {}

  static String table(List<CatalogEntry> entries, List<String> searched) {
    StringBuilder sb = new StringBuilder();
    if (entries.isEmpty()) {
      sb.append("No routines found. Looked in:\n");
      searched.forEach(s -> sb.append("  ").append(s).append('\n'));
      return sb.toString();
    }
    int idWidth = Math.max(2, entries.stream().mapToInt(e -> e.id().length()).max().orElse(0));
    int titleWidth = Math.max(5, entries.stream().mapToInt(e -> title(e).length()).max().orElse(0));
    String format = "%-" + idWidth + "s  %-" + titleWidth + "s  %-7s  %5s  %6s  %s%n";
    sb.append(String.format(format, "ID", "TITLE", "MINUTES", "STEPS", "LENGTH", "FROM"));
    for (CatalogEntry e : entries) {
      sb.append(
          String.format(
              format,
              e.id(),
              title(e),
              e.broken() ? "-" : e.minutes().min() + "-" + e.minutes().max(),
              e.broken() ? "-" : Integer.toString(e.stepCount()),
              e.broken() ? "-" : TimeText.minutes(e.length()),
              e.origin().label()));
    }
    for (CatalogEntry e : entries) {
      if (e.broken()) {
        sb.append("\nbroken: ").append(ControlChars.escape(e.problem().render())).append('\n');
      }
    }
    boolean anyHidden = entries.stream().anyMatch(e -> !e.hides().isEmpty());
    if (anyHidden) {
      sb.append('\n');
      for (CatalogEntry e : entries) {
        for (String hidden : e.hides()) {
          sb.append("note: ")
              .append(e.file())
              .append(" is used; it hides ")
              .append(hidden)
              .append('\n');
        }
      }
    }
    sb.append("\nSearched, first match wins:\n");
    searched.forEach(s -> sb.append("  ").append(s).append('\n'));
    return sb.toString();
  }

  static String json(List<CatalogEntry> entries) {
    ObjectNode root = JsonOutput.root();
    ArrayNode list = root.putArray("routines");
    for (CatalogEntry e : entries) {
      ObjectNode o = list.addObject();
      o.put("id", e.id());
      o.put("from", e.origin().label());
      o.put("file", e.file());
      if (e.broken()) {
        o.put("problem", e.problem().render());
      } else {
        o.put("title", e.title());
        o.putObject("minutes").put("min", e.minutes().min()).put("max", e.minutes().max());
        o.put("steps", e.stepCount());
        o.put("seconds", e.length().toSeconds());
      }
      e.hides().forEach(o.putArray("hides")::add);
    }
    return JsonOutput.text(root);
  }

  private static String title(CatalogEntry e) {
    return e.broken() ? "(broken, see below)" : ControlChars.escape(e.title());
  }
}
