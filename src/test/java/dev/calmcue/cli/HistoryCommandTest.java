package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.history.RecordedSettings;
import dev.calmcue.history.SessionStart;
import dev.calmcue.session.SessionOutcome.Ending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calmcue history} in-process, with the data folder pointed at a temp dir. */
class HistoryCommandTest {
  @TempDir Path dataHome;

  HistoryStore store;
  LocalDate today;
  int ids;

  private String savedDataHome;

  @BeforeEach
  void pointDataHomeAtTempDir() {
    savedDataHome = System.getProperty(HistoryLocation.DATA_HOME_PROPERTY);
    System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, dataHome.toString());
    store = new HistoryStore(dataHome.resolve("calmcue/history.jsonl"), Clock.systemDefaultZone());
    today = store.today();
  }

  @AfterEach
  void restore() {
    if (savedDataHome == null) {
      System.clearProperty(HistoryLocation.DATA_HOME_PROPERTY);
    } else {
      System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, savedDataHome);
    }
  }

  OffsetDateTime at(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }

  SessionStart start(String routine, OffsetDateTime at) {
    return new SessionStart(
        "id" + (++ids),
        routine,
        "Title " + routine,
        at,
        Duration.ofMinutes(10),
        6,
        new RecordedSettings(OptionalDouble.empty(), 0, 80, true, false, "freetts", false, true));
  }

  void ended(
      String routine,
      OffsetDateTime at,
      Ending ending,
      String reason,
      long playedSeconds,
      int steps)
      throws Exception {
    SessionStart s = start(routine, at);
    store.appendStart(s);
    store.appendEnd(
        HistoryRecord.finished(
            s,
            ending,
            reason,
            new HistoryRecord.Finish(
                at.plusSeconds(playedSeconds + 30), Duration.ofSeconds(playedSeconds), steps)));
  }

  void sampleHistory() throws Exception {
    ended("back-massage", at(today.minusDays(2), "19:30"), Ending.COMPLETED, null, 600, 6);
    store.appendStart(start("belly", at(today.minusDays(1), "19:30")));
    ended("back-massage", at(today, "07:15"), Ending.STOPPED, "q", 185, 2);
    ended("back-massage", at(today, "08:00"), Ending.NO_START, "no answer", 0, 0);
    ended("belly", at(today, "09:00"), Ending.FUSSY, null, 61, 1);
  }

  @Test
  void noHistoryYet_saysWhereItWillBeKept() {
    Cli.Result r = Cli.run("history");

    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "No sessions yet. They are recorded in "
            + dataHome.resolve("calmcue/history.jsonl")
            + " as you play them.\n",
        r.out(),
        r.toString());
    assertEquals("", r.err(), r.toString());
  }

  @Test
  void table_showsEachSessionInLocalTime_withTotalsStreakAndEarlyStops() throws Exception {
    sampleHistory();

    Cli.Result r = Cli.run("history");

    assertEquals(0, r.code(), r.toString());
    String[] lines = r.out().split("\n");
    assertTrue(
        lines[0].matches("DATE +START +ROUTINE +PLANNED +PLAYED +STEPS +ENDED"), r.toString());
    assertTrue(lines[1].startsWith(today.minusDays(2) + " "), r.toString());
    assertTrue(lines[1].matches(".*19:30  back-massage +10:00 +10:00 +6/6  completed"), lines[1]);
    assertTrue(lines[2].matches(".*19:30  belly +10:00 +\\? +\\?/6  interrupted.*"), lines[2]);
    assertTrue(lines[3].matches(".*07:15  back-massage +10:00 +3:05 +2/6  stopped: q"), lines[3]);
    assertTrue(lines[4].matches(".*08:00  back-massage .*no-start: no answer"), lines[4]);
    assertTrue(lines[5].matches(".*09:00  belly +10:00 +1:01 +1/6  fussy"), lines[5]);
    assertTrue(
        r.out().contains("  back-massage  2 sessions, 1 completed, 13 min played\n"), r.out());
    assertTrue(
        r.out().contains("  belly         2 sessions, 0 completed, 1 min played\n"), r.out());
    assertTrue(r.out().contains("Streak: 3 days in a row\n"), r.out());
    assertTrue(r.out().contains("Ended early: 3 of 4 sessions (75%)\n"), r.out());
    assertTrue(r.out().contains("\n    1  stopped: q\n"), r.out());
    assertTrue(r.out().contains("\n    1  interrupted\n"), r.out());
    assertTrue(r.out().contains("\n    1  fussy\n"), r.out());
    assertTrue(r.out().contains("Not started (no answer to \"Ready?\"): 1\n"), r.out());
    assertEquals("", r.err(), r.toString());
  }

  @Test
  void since_andRoutine_filterTheSessionsButNotTheStreak() throws Exception {
    sampleHistory();

    Cli.Result r = Cli.run("history", "--since", today.toString(), "--routine", "back-massage");

    assertEquals(0, r.code(), r.toString());
    assertFalse(r.out().contains("belly"), r.out());
    assertFalse(r.out().contains("completed\n"), r.out());
    assertTrue(r.out().contains("stopped: q"), r.out());
    assertTrue(r.out().contains("  back-massage  1 session, 0 completed, 3 min played\n"), r.out());
    // back-massage was played two days ago and today, not yesterday: the streak is just today.
    assertTrue(r.out().contains("Streak: 1 day in a row\n"), r.out());
  }

  @Test
  void filtersThatMatchNothing_sayso() throws Exception {
    sampleHistory();

    Cli.Result r = Cli.run("history", "--routine", "legs");

    assertEquals(0, r.code(), r.toString());
    assertEquals("No sessions match.\n", r.out());
  }

  @Test
  void json_hasSessionsTotalsStreakAndReasons_forScripts() throws Exception {
    sampleHistory();

    Cli.Result r = Cli.run("history", "--json");

    assertEquals(0, r.code(), r.toString());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(5, root.get("sessions").size());
    JsonNode interrupted = root.get("sessions").get(1);
    assertEquals("belly", interrupted.get("routineId").asText());
    assertEquals("error", interrupted.get("ending").asText());
    assertEquals("interrupted", interrupted.get("reason").asText());
    assertTrue(interrupted.get("end").isNull());
    assertTrue(interrupted.get("actualSeconds").isNull());
    JsonNode stopped = root.get("sessions").get(2);
    assertEquals("stopped", stopped.get("ending").asText());
    assertEquals(185, stopped.get("actualSeconds").asInt());
    assertEquals(2, stopped.get("stepsCompleted").asInt());
    assertEquals(600, stopped.get("plannedSeconds").asInt());
    assertEquals(3, root.get("streakDays").asInt());
    assertEquals(4, root.get("started").asInt());
    assertEquals(3, root.get("endedEarly").asInt());
    assertEquals(0.75, root.get("earlyShare").asDouble());
    assertEquals(1, root.get("earlyReasons").get("stopped: q").asInt());
    assertEquals(1, root.get("noStarts").asInt());
    assertEquals(2, root.get("totals").size());
    assertEquals(785, root.get("totals").get(0).get("playedSeconds").asInt());
  }

  @Test
  void tornLastLine_isAWarningOnStderr_andTheRestIsStillShown() throws Exception {
    sampleHistory();
    Files.writeString(
        store.file(), "{\"schemaVersion\":1,\"type\":\"end", StandardOpenOption.APPEND);

    Cli.Result r = Cli.run("history");

    assertEquals(0, r.code(), r.toString());
    assertEquals(
        "calmcue: warning: "
            + store.file()
            + ":10: skipped an incomplete last line (cut off by a crash or power loss)\n",
        r.err());
    assertTrue(r.out().contains("fussy"), r.out());
  }

  /** What a --speed run used to write: the whole routine "played" in about a second. */
  void demo(OffsetDateTime at) throws Exception {
    SessionStart s = start("back-massage", at);
    store.appendStart(s);
    store.appendEnd(
        HistoryRecord.finished(
            s,
            Ending.COMPLETED,
            null,
            new HistoryRecord.Finish(at.plusSeconds(1), Duration.ofMinutes(10), 6)));
  }

  @Test
  void demoRecords_playedFasterThanTheClock_areHidden_andCounted() throws Exception {
    sampleHistory();
    demo(at(today.minusDays(5), "10:00"));
    demo(at(today, "10:00"));

    Cli.Result table = Cli.run("history");
    Cli.Result json = Cli.run("history", "--json");

    assertEquals(0, table.code(), table.toString());
    assertFalse(table.out().contains("10:00  back-massage"), table.out());
    assertTrue(
        table.out().contains("  back-massage  2 sessions, 1 completed, 13 min played\n"),
        table.out());
    assertTrue(
        table
            .out()
            .contains(
                "Hidden: 2 demo sessions (played faster than the clock, e.g. with --speed)\n"),
        table.out());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertEquals(5, root.get("sessions").size());
    assertEquals(2, root.get("hiddenDemos").asInt());
  }

  @Test
  void aSessionRunningToday_countsForTheStreak() throws Exception {
    ended("back-massage", at(today.minusDays(1), "19:30"), Ending.COMPLETED, null, 600, 6);
    SessionStart now = start("back-massage", at(today, "00:00"));
    store.appendStart(now);

    try (AutoCloseable running = store.holdRunning(now.sessionId())) {
      Cli.Result r = Cli.run("history");

      assertTrue(r.out().contains("running now"), r.out());
      assertTrue(r.out().contains("Streak: 2 days in a row\n"), r.out());
    }
  }

  @Test
  void badSinceDate_isAUsageError_namingTheOption() {
    Cli.Result r = Cli.run("history", "--since", "25.11.2026");

    assertEquals(2, r.code(), r.toString());
    assertTrue(
        r.err()
            .startsWith("calmcue: Invalid value for option '--since': '25.11.2026' is not a date"),
        r.toString());
    assertEquals("", r.out());
  }

  @Test
  void unreadableHistoryFile_isARuntimeErrorOfOneLine() throws Exception {
    // A folder where the file should be: reading it fails, not with a stack trace.
    Files.createDirectories(store.file());

    Cli.Result r = Cli.run("history");

    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("calmcue: cannot read the history file "), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
  }

  @Test
  void help_hasExamples() {
    Cli.Result r = Cli.run("history", "--help");

    assertEquals(0, r.code());
    assertTrue(r.out().contains("Examples:"), r.out());
    assertTrue(r.out().contains("--since"), r.out());
  }
}
