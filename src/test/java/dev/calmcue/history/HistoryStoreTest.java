package dev.calmcue.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.SessionOutcome.Ending;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HistoryStoreTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final OffsetDateTime EVENING = OffsetDateTime.parse("2026-11-24T19:30:00+01:00");

  /** Fails a test that would hang (the bug) instead of hanging the build; not a speed limit. */
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  @TempDir Path dir;

  HistoryStore store() {
    return new HistoryStore(
        dir.resolve("data/calmcue/history.jsonl"),
        new TestClock(Instant.parse("2026-11-25T12:00:00Z"), BERLIN));
  }

  /** A record with a long title, so an unlocked writer would be likely to tear it. */
  static HistoryRecord bigRecord(String tag, int i, OffsetDateTime at, Ending ending) {
    SessionStart s =
        new SessionStart(
            tag + "-" + i,
            tag,
            tag.repeat(4000 / tag.length()),
            at,
            Duration.ofMinutes(10),
            6,
            Sessions.settings());
    return HistoryRecord.finished(
        s, ending, null, new HistoryRecord.Finish(at.plusMinutes(10), Duration.ofMinutes(10), 6));
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void eachEnding_roundTripsThroughTheFile(Ending ending) throws Exception {
    HistoryStore store = store();
    HistoryRecord r =
        HistoryRecord.finished(
            new SessionStart(
                "id-1",
                "back-massage",
                "Back massage \"gentle\" ünd ß",
                EVENING,
                Duration.ofMillis(612_500),
                6,
                new RecordedSettings(
                    OptionalDouble.of(7.5), 160, 65, true, false, "espeak", true, false)),
            ending,
            ending == Ending.COMPLETED ? null : "why: " + ending,
            new HistoryRecord.Finish(EVENING.plusMinutes(9), Duration.ofMillis(301_250), 3));
    store.appendStart(r.sessionStart());
    store.appendEnd(r);

    History h = store.read();

    assertEquals(List.of(r), h.sessions());
    assertEquals(List.of(), h.warnings());
    assertEquals(List.of(), h.running());
  }

  @Test
  void settingsWithoutMinutes_roundTrip() throws Exception {
    HistoryStore store = store();
    SessionStart s =
        new SessionStart(
            "id-2",
            "r",
            "R",
            EVENING,
            Duration.ofMinutes(5),
            2,
            new RecordedSettings(
                OptionalDouble.empty(), 0, 100, false, true, "freetts", false, true));
    HistoryRecord r =
        HistoryRecord.finished(
            s, Ending.COMPLETED, null, new HistoryRecord.Finish(EVENING, Duration.ZERO, 0));
    store.appendEnd(r);

    assertEquals(List.of(r), store.read().sessions());
  }

  @Test
  void musicAndPrompts_roundTripThroughTheFile_underTheirDocumentedNames() throws Exception {
    HistoryStore store = store();
    SessionStart s =
        new SessionStart(
            "id-3",
            "r",
            "R",
            EVENING,
            Duration.ofMinutes(5),
            2,
            new RecordedSettings(
                OptionalDouble.empty(),
                120,
                55,
                true,
                false,
                "freetts",
                false,
                true,
                "lullaby",
                35,
                PromptAmount.FEW));
    HistoryRecord r =
        HistoryRecord.finished(
            s, Ending.COMPLETED, null, new HistoryRecord.Finish(EVENING, Duration.ZERO, 0));
    store.appendStart(s);
    store.appendEnd(r);

    List<String> lines = Files.readAllLines(store.file());

    assertEquals(List.of(r), store.read().sessions());
    for (String line : lines) {
      assertTrue(
          line.contains("\"music\":\"lullaby\",\"musicVolume\":35,\"prompts\":\"few\""), line);
    }
  }

  @Test
  void aLineWrittenBeforeMusicAndPromptsWereRecorded_readsAsNoMusicAndEveryPrompt()
      throws Exception {
    HistoryStore store = store();
    Files.createDirectories(store.file().getParent());
    Files.writeString(
        store.file(),
        "{\"schemaVersion\":1,\"type\":\"ended\",\"sessionId\":\"old\",\"routineId\":\"r\","
            + "\"routineTitle\":\"R\",\"start\":\"2026-11-24T19:30:00+01:00\","
            + "\"end\":\"2026-11-24T19:35:00+01:00\",\"plannedSeconds\":300,"
            + "\"actualSeconds\":300,\"stepsCompleted\":2,\"stepCount\":2,"
            + "\"ending\":\"completed\",\"reason\":null,\"settings\":{\"minutes\":null,"
            + "\"rate\":0,\"volume\":80,\"bedtime\":false,\"chimes\":true,"
            + "\"engine\":\"freetts\",\"textMode\":false,\"preparation\":true}}\n");

    History h = store.read();

    assertEquals(List.of(), h.warnings());
    RecordedSettings settings = h.sessions().get(0).settings();
    assertEquals("off", settings.music());
    assertEquals(PromptAmount.NORMAL, settings.prompts());
  }

  @Test
  void missingFile_isAnEmptyHistory() throws Exception {
    History h = store().read();

    assertEquals(History.empty(), h);
  }

  @Test
  void fileLines_areOneJsonObjectPerLine_withTheDocumentedNames() throws Exception {
    HistoryStore store = store();
    HistoryRecord r = Sessions.ended("back", EVENING, Ending.FUSSY, "phone");
    store.appendStart(r.sessionStart());
    store.appendEnd(r);

    List<String> lines = Files.readAllLines(store.file());

    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("{\"schemaVersion\":1,\"type\":\"started\""), lines.get(0));
    assertTrue(lines.get(0).contains("\"start\":\"2026-11-24T19:30:00+01:00\""), lines.get(0));
    assertTrue(lines.get(1).startsWith("{\"schemaVersion\":1,\"type\":\"ended\""), lines.get(1));
    assertTrue(lines.get(1).contains("\"ending\":\"fussy\""), lines.get(1));
    assertTrue(lines.get(1).contains("\"reason\":\"phone\""), lines.get(1));
    assertTrue(lines.get(1).contains("\"plannedSeconds\":600,"), lines.get(1));
    assertTrue(lines.get(1).contains("\"actualSeconds\":185,"), lines.get(1));
  }

  @Test
  void startWithoutEnd_andNoLiveProcess_readsAsInterrupted() throws Exception {
    HistoryStore store = store();
    SessionStart s = Sessions.start("back", EVENING);
    store.appendStart(s);

    History h = store.read();

    assertEquals(List.of(HistoryRecord.interrupted(s)), h.sessions());
    HistoryRecord r = h.sessions().get(0);
    assertTrue(r.isInterrupted());
    assertEquals(Ending.ERROR, r.ending());
    assertEquals("interrupted", r.reason());
    assertTrue(r.endedEarly());
  }

  @Test
  void startWithLeaseHeldInThisProcess_readsAsRunning() throws Exception {
    HistoryStore store = store();
    SessionStart s = Sessions.start("back", EVENING);
    try (AutoCloseable lease = store.holdRunning(s.sessionId())) {
      store.appendStart(s);

      History h = store.read();

      assertEquals(List.of(s), h.running());
      assertEquals(List.of(), h.sessions());
    }
    assertEquals(List.of(HistoryRecord.interrupted(s)), store.read().sessions());
  }

  @Test
  void tornLastLine_isSkippedWithAWarning_andTheNextAppendStartsOnANewLine() throws Exception {
    HistoryStore store = store();
    HistoryRecord first = Sessions.completed("back", EVENING);
    store.appendEnd(first);
    String torn = HistoryJson.encode(new HistoryLine.Ended(Sessions.completed("x", EVENING)));
    Files.writeString(
        store.file(), torn.substring(0, torn.length() / 2), UTF_8, StandardOpenOption.APPEND);

    History before = store.read();

    assertEquals(List.of(first), before.sessions());
    assertEquals(1, before.warnings().size());
    assertEquals(
        store.file() + ":2: skipped an incomplete last line (cut off by a crash or power loss)",
        before.warnings().get(0));

    HistoryRecord next = Sessions.completed("belly", EVENING.plusDays(1));
    store.appendEnd(next);
    History after = store.read();

    assertEquals(List.of(first, next), after.sessions());
    assertEquals(1, after.warnings().size());
    assertTrue(after.warnings().get(0).startsWith(store.file() + ":2: skipped a damaged line"));
    List<String> lines = Files.readAllLines(store.file());
    assertEquals(3, lines.size());
    assertTrue(lines.get(2).startsWith("{\"schemaVersion\":1"), lines.get(2));
  }

  @Test
  void powerCutZeros_atTheEnd_areSkippedWithAWarning() throws Exception {
    HistoryStore store = store();
    HistoryRecord first = Sessions.completed("back", EVENING);
    store.appendEnd(first);
    Files.write(store.file(), new byte[512], StandardOpenOption.APPEND);

    History h = store.read();

    assertEquals(List.of(first), h.sessions());
    assertEquals(1, h.warnings().size());
  }

  @Test
  void damagedMiddleLines_areSkippedWithTheirLineNumbers_andTheRestIsRead() throws Exception {
    HistoryStore store = store();
    HistoryRecord a = Sessions.completed("a", EVENING);
    HistoryRecord b = Sessions.completed("b", EVENING.plusDays(1));
    HistoryRecord c = Sessions.completed("c", EVENING.plusDays(2));
    store.appendEnd(a);
    Files.writeString(store.file(), "not json at all\n", StandardOpenOption.APPEND);
    store.appendEnd(b);
    Files.writeString(
        store.file(),
        "{\"schemaVersion\":2,\"type\":\"ended\"}\n{\"schemaVersion\":1,\"type\":\"ended\"}\n\n",
        StandardOpenOption.APPEND);
    store.appendEnd(c);

    History h = store.read();

    assertEquals(List.of(a, b, c), h.sessions());
    String f = store.file().toString();
    assertEquals(
        List.of(
            f + ":2: skipped a damaged line (not valid JSON)",
            f
                + ":4: skipped a damaged line (schemaVersion 2 is not supported (this calmcue reads"
                + " version 1))",
            f + ":5: skipped a damaged line (missing sessionId)"),
        h.warnings());
  }

  @Test
  void sessions_areOrderedByStartTime_notByWhenTheyEnded() throws Exception {
    HistoryStore store = store();
    HistoryRecord later = Sessions.completed("a", EVENING.plusHours(1));
    HistoryRecord earlier = Sessions.completed("b", EVENING);
    store.appendEnd(later);
    store.appendEnd(earlier);

    assertEquals(List.of(earlier, later), store.read().sessions());
  }

  @Test
  void sessionsStartedInTheSameSecond_keepTheOrderTheyStartedIn() throws Exception {
    HistoryStore store = store();
    SessionStart killed = Sessions.start("a", EVENING);
    HistoryRecord next = Sessions.completed("b", EVENING);
    store.appendStart(killed);
    store.appendStart(next.sessionStart());
    store.appendEnd(next);

    assertEquals(List.of(HistoryRecord.interrupted(killed), next), store.read().sessions());
  }

  @Test
  void hadSessionOn_countsSessionsThatStarted_inTheUsersZone_butNotNoStarts() throws Exception {
    HistoryStore store = store();
    // 00:30 in Berlin on the 24th is still the 23rd in UTC.
    store.appendEnd(Sessions.completed("a", OffsetDateTime.parse("2026-11-23T23:30:00Z")));
    store.appendEnd(
        Sessions.ended(
            "b", OffsetDateTime.parse("2026-11-25T09:00:00+01:00"), Ending.NO_START, null));
    store.appendStart(Sessions.start("c", OffsetDateTime.parse("2026-11-26T08:00:00+01:00")));

    assertFalse(store.hadSessionOn(LocalDate.parse("2026-11-23")));
    assertTrue(store.hadSessionOn(LocalDate.parse("2026-11-24")));
    assertFalse(store.hadSessionOn(LocalDate.parse("2026-11-25")), "no-start does not count");
    assertTrue(store.hadSessionOn(LocalDate.parse("2026-11-26")), "interrupted counts");
  }

  @Test
  void appendingAfterAnUnterminatedButCompleteLine_keepsBothRecords() throws Exception {
    HistoryStore store = store();
    HistoryRecord a = Sessions.completed("a", EVENING);
    HistoryRecord b = Sessions.completed("b", EVENING.plusDays(1));
    Files.createDirectories(store.file().getParent());
    Files.writeString(store.file(), HistoryJson.encode(new HistoryLine.Ended(a)));

    store.appendEnd(b);

    History h = store.read();
    assertEquals(List.of(a, b), h.sessions());
    assertEquals(List.of(), h.warnings());
  }

  @Test
  void concurrentAppends_fromManyThreads_neverInterleave() throws Exception {
    int threads = 8;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String tag = "thread" + t;
      // Each thread has its own store object, as two commands in one JVM (serve and play) would.
      HistoryStore store = store();
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                  store.appendEnd(bigRecord(tag, i, EVENING, Ending.COMPLETED));
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertAllWholeAndDistinct(store(), threads * each);
  }

  /**
   * FileLock excludes other processes, not threads: this starts two more JVMs that append at the
   * same time as this one, so the OS lock (not only the in-JVM lock) is what keeps lines whole.
   */
  @Test
  void concurrentAppends_fromThreeProcesses_neverInterleave() throws Exception {
    HistoryStore store = store();
    Files.createDirectories(store.file().getParent());
    int each = 150;
    List<Process> children = new ArrayList<>();
    for (String tag : List.of("childA", "childB")) {
      Process p =
          JavaProcess.start(
              AppendingProcess.class, store.file().toString(), tag, String.valueOf(each));
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
      assertEquals("ready", out.readLine());
      children.add(p);
    }
    for (Process p : children) {
      OutputStream in = p.getOutputStream();
      in.write('\n');
      in.flush();
    }
    for (int i = 0; i < each; i++) {
      store.appendEnd(bigRecord("parent", i, EVENING, Ending.COMPLETED));
    }
    for (Process p : children) {
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child did not finish");
      assertEquals(0, p.exitValue());
    }

    assertAllWholeAndDistinct(store, 3 * each);
  }

  /**
   * A session running in another process shows as running; once that process is killed with SIGKILL
   * (no chance to write anything), the same session reads as interrupted.
   */
  @Test
  void sessionOfAKilledProcess_turnsFromRunningToInterrupted() throws Exception {
    HistoryStore store = store();
    Process p = JavaProcess.start(HoldingProcess.class, store.file().toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
      assertEquals("started", out.readLine());

      History live = store.read();
      assertEquals(1, live.running().size());
      assertEquals("held", live.running().get(0).routineId());
      assertEquals(List.of(), live.sessions());
    } finally {
      p.destroyForcibly();
      assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    }

    History after = store.read();
    assertEquals(List.of(), after.running());
    assertEquals(1, after.sessions().size());
    assertTrue(after.sessions().get(0).isInterrupted());
  }

  @Test
  void aLockHeldByAnotherProgram_neverHoldsUpASession_andTheRecordLandsWhenItFrees()
      throws Exception {
    HistoryStore store = store();
    store.appendStart(Sessions.start("first", OffsetDateTime.parse("2026-11-25T08:00:00+01:00")));
    Process holder = JavaProcess.start(LockingProcess.class, store.file().toString());
    SessionStart waiting =
        Sessions.start("second", OffsetDateTime.parse("2026-11-25T09:00:00+01:00"));
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF_8));
      assertEquals("locked", out.readLine());

      HistoryStore.Deferred deferred =
          assertTimeoutPreemptively(
              HANG_GUARD,
              () -> assertThrows(HistoryStore.Deferred.class, () -> store.appendStart(waiting)));
      assertTrue(
          deferred.getMessage().contains("is locked by another program"), deferred::getMessage);
      // Not in the file yet, but kept, and reading does not wait for the lock either.
      assertEquals(1, Files.readAllLines(store.file()).size());
      History meanwhile = assertTimeoutPreemptively(HANG_GUARD, store::read);
      assertEquals(2, meanwhile.sessions().size() + meanwhile.running().size());
    } finally {
      holder.getOutputStream().close(); // releases the lock
      assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
    }
    // This process moves the pending line in by itself once the lock is free.
    for (int i = 0; i < 600 && Files.readAllLines(store.file()).size() < 2; i++) {
      Thread.sleep(100);
    }
    List<String> lines = Files.readAllLines(store.file());
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(lines.get(1).contains(waiting.sessionId()), lines::toString);
    assertFalse(Files.exists(store.file().resolveSibling("history.jsonl.pending")));
    assertEquals(List.of(), store.read().warnings());
  }

  @Test
  void aFifoInPlaceOfTheHistoryFile_isRefusedWithoutBlocking() throws Exception {
    HistoryStore store = store();
    Files.createDirectories(store.file().getParent());
    Process mkfifo = new ProcessBuilder("mkfifo", store.file().toString()).start();
    assertEquals(0, mkfifo.waitFor());

    IOException read =
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(IOException.class, store::read));
    SessionStart s = Sessions.start("x", OffsetDateTime.parse("2026-11-25T08:00:00Z"));
    IOException write =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> assertThrows(IOException.class, () -> store.appendStart(s)));

    assertTrue(read.getMessage().contains("is a FIFO (named pipe), not a file"), read::getMessage);
    assertTrue(
        write.getMessage().contains("is a FIFO (named pipe), not a file"), write::getMessage);
  }

  private static void assertAllWholeAndDistinct(HistoryStore store, int expected) throws Exception {
    History h = store.read();
    assertEquals(List.of(), h.warnings());
    assertEquals(expected, h.sessions().size());
    Set<String> ids = new HashSet<>();
    for (HistoryRecord r : h.sessions()) {
      assertTrue(ids.add(r.sessionId()), "duplicate " + r.sessionId());
      assertEquals(r.routineId().repeat(4000 / r.routineId().length()), r.routineTitle());
    }
    assertEquals(expected, Files.readAllLines(store.file()).size());
  }
}
