package dev.calmcue.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StreakProperties {
  /** Zones with DST at 02:00, at midnight (Santiago), by 30 minutes (Lord Howe), and none. */
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("America/Santiago"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("UTC"));

  @Property
  void streak_isTheNumberOfConsecutiveLocalDays_wheneverInTheDayTheSessionsWere(
      @ForAll @IntRange(min = 0, max = 5) int zoneIndex,
      @ForAll @IntRange(min = 0, max = 3000) int daysAfter2024,
      @ForAll @IntRange(min = 0, max = 400) int length,
      @ForAll @IntRange(min = 0, max = 1439) int minuteOfDay,
      @ForAll boolean lastWasYesterday) {
    ZoneId zone = ZONES.get(zoneIndex);
    LocalDate today = LocalDate.of(2024, 1, 1).plusDays(daysAfter2024);
    LocalDate last = lastWasYesterday ? today.minusDays(1) : today;
    List<OffsetDateTime> starts = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      LocalDate day = last.minusDays(i);
      // Vary the time of day so sessions fall both sides of midnight in UTC.
      LocalTime time = LocalTime.ofSecondOfDay(((long) minuteOfDay * 60 + i * 997L * 60) % 86_400);
      OffsetDateTime t = day.atTime(time).atZone(zone).toOffsetDateTime();
      if (!t.atZoneSameInstant(zone).toLocalDate().equals(day)) {
        // A local time skipped by a clock change at midnight moves past it: take noon instead.
        t = day.atTime(12, 0).atZone(zone).toOffsetDateTime();
      }
      starts.add(t);
    }
    // An older session, before a missed day, never counts.
    LocalDate older = length == 0 ? today.minusDays(2) : last.minusDays(length + 1L);
    starts.add(older.atTime(20, 0).atZone(zone).toOffsetDateTime());

    assertEquals(length, HistoryStats.currentStreak(starts, today, zone));
  }
}
