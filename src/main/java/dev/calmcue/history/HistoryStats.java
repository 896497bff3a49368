package dev.calmcue.history;

import dev.calmcue.session.SessionOutcome.Ending;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums over sessions: totals per routine, the current streak of days, and how often sessions ended
 * early and why. Sessions that never got past "Ready?" (no-start) count only in {@link #noStarts}.
 *
 * @param streakDays consecutive days, in the user's zone, with at least one session that started,
 *     ending today or yesterday (a streak is not broken until a whole day is missed)
 * @param started sessions that got past the ready question
 * @param endedEarly of those, the ones stopped, fussy, failed or interrupted
 * @param earlyReasons why they ended early, most frequent first ({@code stopped}, {@code fussy: the
 *     baby was fussy}, {@code interrupted}, ...)
 */
public record HistoryStats(
    List<RoutineTotal> routines,
    int streakDays,
    int started,
    int endedEarly,
    Map<String, Integer> earlyReasons,
    int noStarts) {

  /**
   * One routine's totals.
   *
   * @param sessions sessions that started
   * @param played time played, pauses excluded (interrupted sessions add nothing: unknown)
   */
  public record RoutineTotal(
      String routineId, String title, int sessions, int completed, Duration played) {}

  public HistoryStats {
    routines = List.copyOf(routines);
    earlyReasons = Collections.unmodifiableMap(new LinkedHashMap<>(earlyReasons));
  }

  /** Share of started sessions that ended early, 0 to 1 (0 when none started). */
  public double earlyShare() {
    return started == 0 ? 0 : (double) endedEarly / started;
  }

  /**
   * @param today the user's today (from the injected clock)
   * @param zone the user's zone: which day a session belongs to
   */
  public static HistoryStats of(List<HistoryRecord> sessions, LocalDate today, ZoneId zone) {
    Map<String, RoutineTotal> totals = new TreeMap<>();
    Map<String, Integer> reasons = new LinkedHashMap<>();
    List<OffsetDateTime> startedAt = new ArrayList<>();
    int started = 0;
    int early = 0;
    int noStarts = 0;
    for (HistoryRecord r : sessions) {
      if (!r.started()) {
        noStarts++;
        continue;
      }
      started++;
      startedAt.add(r.start());
      Duration played = r.finish().map(HistoryRecord.Finish::played).orElse(Duration.ZERO);
      int done = r.ending() == Ending.COMPLETED ? 1 : 0;
      totals.merge(
          r.routineId(),
          new RoutineTotal(r.routineId(), r.routineTitle(), 1, done, played),
          (a, b) ->
              new RoutineTotal(
                  a.routineId(),
                  b.title(),
                  a.sessions() + 1,
                  a.completed() + b.completed(),
                  a.played().plus(b.played())));
      if (r.endedEarly()) {
        early++;
        reasons.merge(endingLabel(r), 1, Integer::sum);
      }
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return new HistoryStats(
        new ArrayList<>(totals.values()),
        currentStreak(startedAt, today, zone),
        started,
        early,
        sorted,
        noStarts);
  }

  /**
   * Consecutive days with at least one session, counted back from today (or from yesterday if there
   * was none yet today). Days are calendar days in {@code zone}, so a 23- or 25-hour day at a clock
   * change is one day like any other.
   */
  public static int currentStreak(Collection<OffsetDateTime> starts, LocalDate today, ZoneId zone) {
    Set<LocalDate> days = new HashSet<>();
    for (OffsetDateTime t : starts) {
      days.add(t.atZoneSameInstant(zone).toLocalDate());
    }
    LocalDate day = days.contains(today) ? today : today.minusDays(1);
    int streak = 0;
    while (days.contains(day)) {
      streak++;
      day = day.minusDays(1);
    }
    return streak;
  }

  /**
   * How a session's end is named in tables and summaries: {@code completed}, {@code stopped:
   * interrupted (Ctrl-C)}, {@code fussy}, {@code no-start: nobody answered "Ready?"}, {@code
   * interrupted}.
   */
  public static String endingLabel(HistoryRecord r) {
    if (r.isInterrupted()) {
      return HistoryRecord.INTERRUPTED;
    }
    String name = r.ending().jsonName();
    return r.reason() == null ? name : name + ": " + r.reason();
  }
}
