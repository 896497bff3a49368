package dev.calmcue.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.CalmcueException;
import dev.calmcue.history.History;
import dev.calmcue.history.HistoryJson;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStats;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.history.SessionStart;
import dev.calmcue.text.TimeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints history as a table with totals, or as JSON; the body of {@code calmcue history}. */
final class HistoryReport {
  /** Which sessions to show; null fields do not filter. */
  record Filter(LocalDate since, String routineId) {
    boolean routineMatches(String id) {
      return routineId == null || routineId.equals(id);
    }

    boolean matches(OffsetDateTime start, String id, ZoneId zone) {
      return routineMatches(id)
          && (since == null || !start.atZoneSameInstant(zone).toLocalDate().isBefore(since));
    }
  }

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final HistoryStore store;
  private final Filter filter;

  HistoryReport(HistoryStore store, Filter filter) {
    this.store = store;
    this.filter = filter;
  }

  void print(PrintWriter out, PrintWriter err, boolean json) {
    History history;
    try {
      history = store.read();
    } catch (IOException e) {
      throw CalmcueException.runtime(
          "cannot read the history file " + store.file() + ": " + e.getMessage(), e);
    }
    for (String w : history.warnings()) {
      err.println("calmcue: warning: " + w);
    }
    err.flush();
    ZoneId zone = store.zone();
    // Demos on a fast clock that older versions recorded are not sessions: hidden, and counted.
    List<HistoryRecord> real =
        history.sessions().stream().filter(r -> !r.isDemo()).collect(Collectors.toList());
    int hiddenDemos = history.sessions().size() - real.size();
    List<HistoryRecord> shown =
        real.stream()
            .filter(r -> filter.matches(r.start(), r.routineId(), zone))
            .collect(Collectors.toList());
    List<SessionStart> running =
        history.running().stream()
            .filter(s -> filter.matches(s.start(), s.routineId(), zone))
            .collect(Collectors.toList());
    HistoryStats stats = HistoryStats.of(shown, store.today(), zone);
    // The streak is about habit: it looks at every day, not only the ones since --since, and a
    // session playing right now counts for today.
    List<OffsetDateTime> startedAt = new ArrayList<>();
    real.stream()
        .filter(r -> r.started() && filter.routineMatches(r.routineId()))
        .forEach(r -> startedAt.add(r.start()));
    history.running().stream()
        .filter(s -> filter.routineMatches(s.routineId()))
        .forEach(s -> startedAt.add(s.start()));
    int streak = HistoryStats.currentStreak(startedAt, store.today(), zone);
    if (json) {
      printJson(out, shown, running, stats, streak, hiddenDemos);
    } else {
      printTable(out, shown, running, stats, streak, real.isEmpty());
      if (hiddenDemos > 0) {
        out.println(
            "Hidden: "
                + plural(hiddenDemos, "demo session")
                + " (played faster than the clock, e.g. with --speed)");
      }
    }
    out.flush();
  }

  private void printTable(
      PrintWriter out,
      List<HistoryRecord> shown,
      List<SessionStart> running,
      HistoryStats stats,
      int streak,
      boolean nothingAtAll) {
    if (shown.isEmpty() && running.isEmpty()) {
      out.println(
          nothingAtAll
              ? "No sessions yet. They are recorded in " + store.file() + " as you play them."
              : "No sessions match.");
      return;
    }
    ZoneId zone = store.zone();
    int routineWidth =
        Math.max(
            "ROUTINE".length(),
            java.util.stream.Stream.concat(
                    shown.stream().map(HistoryRecord::routineId),
                    running.stream().map(SessionStart::routineId))
                .mapToInt(String::length)
                .max()
                .orElse(0));
    String row = "%-14s  %5s  %-" + routineWidth + "s  %7s  %7s  %5s  %s%n";
    out.printf(row, "DATE", "START", "ROUTINE", "PLANNED", "PLAYED", "STEPS", "ENDED");
    for (HistoryRecord r : shown) {
      OffsetDateTime local = r.start().atZoneSameInstant(zone).toOffsetDateTime();
      String played = r.finish().map(f -> clock(f.played())).orElse("?");
      String steps =
          r.finish().map(f -> String.valueOf(f.stepsCompleted())).orElse("?") + "/" + r.stepCount();
      out.printf(
          row,
          DAY.format(local),
          TIME.format(local),
          r.routineId(),
          clock(r.planned()),
          played,
          steps,
          ending(r));
    }
    for (SessionStart s : running) {
      OffsetDateTime local = s.start().atZoneSameInstant(zone).toOffsetDateTime();
      out.printf(
          row,
          DAY.format(local),
          TIME.format(local),
          s.routineId(),
          clock(s.planned()),
          "",
          "",
          "running now");
    }
    out.println();
    if (!stats.routines().isEmpty()) {
      out.println("Totals:");
      for (HistoryStats.RoutineTotal t : stats.routines()) {
        out.printf(
            "  %-" + routineWidth + "s  %s, %d completed, %s played%n",
            t.routineId(),
            plural(t.sessions(), "session"),
            t.completed(),
            minutes(t.played()));
      }
    }
    out.println("Streak: " + plural(streak, "day") + (streak > 0 ? " in a row" : ""));
    if (stats.started() > 0) {
      out.printf(
          "Ended early: %d of %s (%d%%)%n",
          stats.endedEarly(),
          plural(stats.started(), "session"),
          Math.round(stats.earlyShare() * 100));
      stats.earlyReasons().forEach((why, n) -> out.printf("  %3d  %s%n", n, why));
    }
    if (stats.noStarts() > 0) {
      out.println("Not started (no answer to \"Ready?\"): " + stats.noStarts());
    }
  }

  private void printJson(
      PrintWriter out,
      List<HistoryRecord> shown,
      List<SessionStart> running,
      HistoryStats stats,
      int streak,
      int hiddenDemos) {
    ObjectNode root = JsonOutput.root();
    root.put("file", store.file().toString());
    ArrayNode sessions = root.putArray("sessions");
    shown.forEach(r -> sessions.add(HistoryJson.toJson(r)));
    ArrayNode live = root.putArray("running");
    running.forEach(s -> live.add(HistoryJson.toJson(s)));
    ArrayNode totals = root.putArray("totals");
    for (HistoryStats.RoutineTotal t : stats.routines()) {
      ObjectNode o = totals.addObject();
      o.put("routineId", t.routineId());
      o.put("routineTitle", t.title());
      o.put("sessions", t.sessions());
      o.put("completed", t.completed());
      o.put("playedSeconds", t.played().toSeconds());
    }
    root.put("streakDays", streak);
    root.put("started", stats.started());
    root.put("endedEarly", stats.endedEarly());
    root.put("earlyShare", Math.round(stats.earlyShare() * 1000) / 1000.0);
    ObjectNode reasons = root.putObject("earlyReasons");
    stats.earlyReasons().forEach(reasons::put);
    root.put("noStarts", stats.noStarts());
    root.put("hiddenDemos", hiddenDemos);
    out.print(JsonOutput.text(root));
  }

  private static String ending(HistoryRecord r) {
    return r.isInterrupted() ? "interrupted (how far unknown)" : HistoryStats.endingLabel(r);
  }

  static String clock(Duration d) {
    return TimeText.clock(d);
  }

  static String minutes(Duration d) {
    long m = Math.round(d.toSeconds() / 60.0);
    return m >= 60 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
