package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.history.History;
import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.history.RecordedSettings;
import dev.calmcue.history.SessionStart;
import dev.calmcue.session.SessionOutcome.Ending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calmcue play} writes session history, in-process on a fast clock in text mode. */
class PlayHistoryTest {
  @TempDir Path dataHome;

  private String savedDataHome;

  @BeforeEach
  void pointDataHomeAtTempDir() {
    savedDataHome = System.getProperty(HistoryLocation.DATA_HOME_PROPERTY);
    System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, dataHome.toString());
  }

  @AfterEach
  void restore() {
    if (savedDataHome == null) {
      System.clearProperty(HistoryLocation.DATA_HOME_PROPERTY);
    } else {
      System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, savedDataHome);
    }
  }

  History history() throws Exception {
    return new HistoryStore(dataHome.resolve("calmcue/history.jsonl"), Clock.systemDefaultZone())
        .read();
  }

  @Test
  void aSessionOnAFastClock_isNeverRecorded() throws Exception {
    Cli.Result r =
        Cli.run("play", PlayCommandTest.ROUTINE, "--no-prep", "--speed", "200", "--volume", "40");

    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Session complete: 3 steps completed"), r::toString);
    assertFalse(Files.exists(dataHome.resolve("calmcue/history.jsonl")), r::toString);
    assertEquals(List.of(), history().sessions());
    assertEquals(List.of(), history().running());
  }

  @Test
  void prepOnceADay_skipsThePreparationAfterARealSessionToday_andADemoDoesNotCount()
      throws Exception {
    Cli.Result beforeAny =
        Cli.run("play", PlayCommandTest.ROUTINE, "--speed", "200", "--prep-once-a-day");
    HistoryStore store =
        new HistoryStore(dataHome.resolve("calmcue/history.jsonl"), Clock.systemDefaultZone());
    OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    SessionStart real =
        new SessionStart(
            "real",
            "short-routine",
            "Short",
            now.minusMinutes(5),
            Duration.ofMinutes(1),
            3,
            new RecordedSettings(
                OptionalDouble.empty(), 0, 80, false, true, "freetts", false, true));
    store.appendStart(real);
    store.appendEnd(
        HistoryRecord.finished(
            real,
            Ending.COMPLETED,
            null,
            new HistoryRecord.Finish(now.minusMinutes(4), Duration.ofSeconds(60), 3)));
    Cli.Result afterOne =
        Cli.run("play", PlayCommandTest.ROUTINE, "--speed", "200", "--prep-once-a-day");

    assertEquals(0, beforeAny.code(), beforeAny::toString);
    assertEquals(0, afterOne.code(), afterOne::toString);
    assertTrue(beforeAny.out().contains("Warm hands."), beforeAny::toString);
    assertFalse(afterOne.out().contains("Warm hands."), afterOne::toString);
    // Neither demo run added a record: only the real session is there.
    assertEquals(
        List.of("real"), history().sessions().stream().map(HistoryRecord::sessionId).toList());
  }
}
