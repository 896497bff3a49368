package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.history.History;
import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.session.SessionOutcome.Ending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
  void aCompletedSession_isRecordedWithItsSettings() throws Exception {
    Cli.Result r =
        Cli.run("play", PlayCommandTest.ROUTINE, "--no-prep", "--speed", "200", "--volume", "40");

    assertEquals(0, r.code(), r::toString);
    History h = history();
    assertEquals(List.of(), h.warnings());
    assertEquals(1, h.sessions().size(), h::toString);
    HistoryRecord s = h.sessions().get(0);
    assertEquals("short-routine", s.routineId());
    assertEquals(Ending.COMPLETED, s.ending());
    assertEquals(3, s.stepCount());
    assertEquals(3, s.finish().orElseThrow().stepsCompleted());
    assertEquals(40, s.settings().volumePercent());
    assertTrue(s.settings().textMode());
    assertFalse(s.settings().preparation());
  }

  @Test
  void prepOnceADay_speaksThePreparationInTheFirstSessionOnly() throws Exception {
    Cli.Result first =
        Cli.run("play", PlayCommandTest.ROUTINE, "--speed", "200", "--prep-once-a-day");
    Cli.Result second =
        Cli.run("play", PlayCommandTest.ROUTINE, "--speed", "200", "--prep-once-a-day");

    assertEquals(0, first.code(), first::toString);
    assertEquals(0, second.code(), second::toString);
    assertTrue(first.out().contains("Warm hands."), first::toString);
    assertFalse(second.out().contains("Warm hands."), second::toString);
    List<HistoryRecord> sessions = history().sessions();
    assertTrue(sessions.get(0).settings().preparation());
    assertFalse(sessions.get(1).settings().preparation());
  }

  @Test
  void unwritableHistory_warnsOnce_andTheSessionStillCompletes() throws Exception {
    // The data folder is a file: every history write fails.
    Path blocker = dataHome.resolve("not-a-folder");
    Files.writeString(blocker, "");
    System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, blocker.toString());

    Cli.Result r = Cli.run("play", PlayCommandTest.ROUTINE, "--no-prep", "--speed", "200");

    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Session complete: 3 steps completed"), r::toString);
    List<String> warnings =
        r.errLines().stream().filter(l -> l.contains("could not write session history")).toList();
    assertEquals(1, warnings.size(), r::toString);
    assertTrue(warnings.get(0).startsWith("calmcue: warning: "), r::toString);
  }
}
