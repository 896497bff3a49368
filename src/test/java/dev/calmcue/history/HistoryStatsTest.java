package dev.calmcue.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.session.SessionOutcome.Ending;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HistoryStatsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A start at a local wall-clock time in Berlin, with the offset Berlin had then. */
  static OffsetDateTime berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toOffsetDateTime();
  }

  static int streak(LocalDate today, String... localStarts) {
    List<OffsetDateTime> starts = new ArrayList<>();
    for (String s : localStarts) {
      starts.add(berlin(s));
    }
    return HistoryStats.currentStreak(starts, today, BERLIN);
  }

  @Nested
  class Streak {
    @Test
    void noSessions_isZero() {
      assertEquals(0, streak(LocalDate.parse("2026-03-30")));
    }

    @Test
    void spansTheSpringClockChange_whenTheDayHasOnly23Hours() {
      // 2026-03-29 in Berlin runs from 00:00 +01:00 to 24:00 +02:00: 23 hours.
      assertEquals(
          4,
          streak(
              LocalDate.parse("2026-03-30"),
              "2026-03-27T23:50",
              "2026-03-28T23:50",
              "2026-03-29T00:10",
              "2026-03-29T23:50",
              "2026-03-30T00:05"));
    }

    @Test
    void spansTheAutumnClockChange_whenTheDayHas25Hours() {
      // Late evening sessions: in UTC they fall on the same days; 2026-10-25 has 25 hours.
      assertEquals(
          3,
          streak(
              LocalDate.parse("2026-10-26"),
              "2026-10-24T23:30",
              "2026-10-25T02:30",
              "2026-10-26T23:59"));
    }

    @Test
    void daysAreTheUsersCalendarDays_notUtcDays() {
      // 00:30 Berlin on the 25th is 23:30 UTC on the 24th: it is the user's 25th.
      assertEquals(
          2, streak(LocalDate.parse("2026-11-25"), "2026-11-24T19:00", "2026-11-25T00:30"));
      assertEquals(
          1, streak(LocalDate.parse("2026-11-25"), "2026-11-25T00:30", "2026-11-23T19:00"));
    }

    @Test
    void crossesMonthEnds_includingFebruaryInALeapYear() {
      assertEquals(
          3,
          streak(
              LocalDate.parse("2026-02-01"),
              "2026-01-30T19:00",
              "2026-01-31T19:00",
              "2026-02-01T19:00"));
      assertEquals(
          3,
          streak(
              LocalDate.parse("2028-03-01"),
              "2028-02-28T19:00",
              "2028-02-29T19:00",
              "2028-03-01T19:00"));
      assertEquals(
          2, streak(LocalDate.parse("2026-05-01"), "2026-04-30T19:00", "2026-05-01T19:00"));
    }

    @Test
    void crossesTheYearEnd() {
      assertEquals(
          3,
          streak(
              LocalDate.parse("2027-01-01"),
              "2026-12-30T21:00",
              "2026-12-31T23:59",
              "2027-01-01T00:01"));
    }

    @Test
    void isStillCurrent_ifTheLastSessionWasYesterday() {
      assertEquals(
          2, streak(LocalDate.parse("2026-11-25"), "2026-11-23T19:00", "2026-11-24T19:00"));
    }

    @Test
    void isBroken_byOneWholeMissedDay() {
      assertEquals(
          0, streak(LocalDate.parse("2026-11-25"), "2026-11-22T19:00", "2026-11-23T19:00"));
      assertEquals(
          1,
          streak(
              LocalDate.parse("2026-11-25"),
              "2026-11-22T19:00",
              "2026-11-23T19:00",
              "2026-11-25T07:00"));
    }

    @Test
    void manySessionsOnOneDay_countOnce() {
      assertEquals(
          1,
          streak(
              LocalDate.parse("2026-11-25"),
              "2026-11-25T07:00",
              "2026-11-25T12:00",
              "2026-11-25T19:00"));
    }
  }

  @Test
  void noStarts_doNotKeepAStreakAlive() {
    List<HistoryRecord> sessions =
        List.of(
            Sessions.completed("back", berlin("2026-11-23T19:00")),
            Sessions.ended("back", berlin("2026-11-24T19:00"), Ending.NO_START, null));

    HistoryStats stats = HistoryStats.of(sessions, LocalDate.parse("2026-11-25"), BERLIN);

    assertEquals(0, stats.streakDays());
    assertEquals(1, stats.noStarts());
  }

  @Test
  void totalsPerRoutine_earlyShare_andReasons() {
    List<HistoryRecord> sessions =
        List.of(
            Sessions.completed("back", berlin("2026-11-20T19:00")),
            Sessions.completed("back", berlin("2026-11-21T19:00")),
            Sessions.ended("back", berlin("2026-11-22T19:00"), Ending.STOPPED, "q"),
            Sessions.ended("belly", berlin("2026-11-23T19:00"), Ending.FUSSY, "phone"),
            Sessions.ended("belly", berlin("2026-11-24T19:00"), Ending.STOPPED, "q"),
            Sessions.ended("belly", berlin("2026-11-24T20:00"), Ending.NO_START, null),
            HistoryRecord.interrupted(Sessions.start("belly", berlin("2026-11-25T19:00"))),
            Sessions.ended(
                "legs", berlin("2026-11-25T20:00"), Ending.ERROR, "audio device went away"));

    HistoryStats stats = HistoryStats.of(sessions, LocalDate.parse("2026-11-25"), BERLIN);

    assertEquals(
        List.of(
            new HistoryStats.RoutineTotal(
                "back", "Title of back", 3, 2, Duration.ofSeconds(1200 + 185)),
            new HistoryStats.RoutineTotal(
                "belly", "Title of belly", 3, 0, Duration.ofSeconds(185 + 185)),
            new HistoryStats.RoutineTotal("legs", "Title of legs", 1, 0, Duration.ofSeconds(185))),
        stats.routines());
    assertEquals(7, stats.started());
    assertEquals(5, stats.endedEarly());
    assertEquals(5.0 / 7, stats.earlyShare(), 1e-9);
    assertEquals(1, stats.noStarts());
    assertEquals(6, stats.streakDays());
    assertEquals(
        List.of(
            Map.entry("stopped: q", 2),
            Map.entry("fussy: phone", 1),
            Map.entry("interrupted", 1),
            Map.entry("error: audio device went away", 1)),
        new ArrayList<>(stats.earlyReasons().entrySet()));
  }

  @Test
  void emptyHistory_hasZeroShare() {
    HistoryStats stats = HistoryStats.of(List.of(), LocalDate.parse("2026-11-25"), BERLIN);

    assertEquals(0, stats.earlyShare());
    assertEquals(0, stats.started());
    assertEquals(List.of(), stats.routines());
  }
}
