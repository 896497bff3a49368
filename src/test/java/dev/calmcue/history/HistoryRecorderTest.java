package dev.calmcue.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionOutcome.Ending;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HistoryRecorderTest {
  @TempDir Path dir;

  final TestClock clock =
      new TestClock(Instant.parse("2026-11-25T18:30:00.400Z"), ZoneId.of("Europe/Berlin"));
  final List<String> warnings = new ArrayList<>();

  HistoryStore store() {
    return new HistoryStore(dir.resolve("history.jsonl"), clock);
  }

  static Timeline timeline() {
    List<StepSpan> steps =
        List.of(
            new StepSpan(0, "warm", "Warm hands", Duration.ofSeconds(30), Duration.ofSeconds(90)),
            new StepSpan(
                1, "back", "Back strokes", Duration.ofSeconds(90), Duration.ofSeconds(300)),
            new StepSpan(2, "end", "Rest", Duration.ofSeconds(300), Duration.ofSeconds(330)));
    List<Cue> cues =
        List.of(
            new Cue(Duration.ZERO, Duration.ofSeconds(3), CueKind.INTRO, null, "Hello"),
            new Cue(
                Duration.ofSeconds(330),
                Duration.ofSeconds(336),
                CueKind.CLOSING,
                null,
                "Well done"));
    return new Timeline(
        "back-massage",
        "Back massage",
        cues,
        List.of(),
        steps,
        Duration.ofSeconds(30),
        Duration.ofSeconds(336));
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void endedEvent_writesTheOutcome_withStartAndEndTimesFromTheClock(Ending ending)
      throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    clock.advance(Duration.ofSeconds(200));

    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(ending, "because", 2, Duration.ofMillis(190_500))));

    History h = store.read();
    assertEquals(List.of(), warnings);
    assertEquals(List.of(), h.running());
    HistoryRecord r = h.sessions().get(0);
    assertEquals(1, h.sessions().size());
    assertEquals("back-massage", r.routineId());
    assertEquals("Back massage", r.routineTitle());
    assertEquals(OffsetDateTime.parse("2026-11-25T19:30:00+01:00"), r.start());
    assertEquals(Duration.ofSeconds(336), r.planned());
    assertEquals(3, r.stepCount());
    assertEquals(ending, r.ending());
    assertEquals("because", r.reason());
    assertEquals(Sessions.settings(), r.settings());
    assertEquals(
        Optional.of(
            new HistoryRecord.Finish(
                OffsetDateTime.parse("2026-11-25T19:33:20+01:00"), Duration.ofMillis(190_500), 2)),
        r.finish());
    assertTrue(rec.ended());
  }

  @ParameterizedTest
  @EnumSource(ControlSource.class)
  void aStoppedSession_recordsWhichControlSourceStoppedIt(ControlSource source) throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);

    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(
                Ending.STOPPED, "stopped", 1, Duration.ofSeconds(80), Optional.of(source))));

    HistoryRecord r = store.read().sessions().get(0);
    assertEquals(Optional.of(source), r.stoppedBy());
    assertTrue(
        Files.readString(store.file()).contains("\"stoppedBy\":\"" + source.jsonName() + "\""));
  }

  @Test
  void stalls_areCountedOnTheEndLine_andLeftOutWhenThereWereNone() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(new SessionEvent.Stalled(Duration.ofSeconds(40), false));
    rec.accept(new SessionEvent.Stalled(Duration.ofMinutes(50), true));
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, "completed", 3, Duration.ofSeconds(336))));
    HistoryRecorder none =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    none.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, "completed", 3, Duration.ofSeconds(336))));

    List<HistoryRecord> sessions = store.read().sessions();
    assertEquals(2, sessions.get(0).finish().orElseThrow().stalls());
    assertEquals(0, sessions.get(1).finish().orElseThrow().stalls());
    List<String> lines = Files.readAllLines(store.file());
    assertTrue(lines.get(1).contains("\"stalls\":2"), lines.get(1));
    assertFalse(lines.get(3).contains("stalls"), lines.get(3));
  }

  @Test
  void aSessionThatEndedByItself_hasNoStopSource() throws Exception {
    HistoryStore store = store();
    HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add)
        .accept(
            new SessionEvent.Ended(
                new SessionOutcome(Ending.NO_START, "nobody answered", 0, Duration.ZERO)));

    assertEquals(Optional.empty(), store.read().sessions().get(0).stoppedBy());
    assertFalse(Files.readString(store.file()).contains("stoppedBy"));
  }

  @Test
  void whileTheSessionPlays_itIsRunning_andItsStartIsAlreadyOnDisk() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);

    History h = store.read();

    assertEquals(List.of(rec.sessionStart()), h.running());
    assertTrue(Files.readString(store.file()).contains("\"type\":\"started\""));
  }

  @Test
  void processEnding_beforeTheSessionEnded_recordsAStopWithTheLastKnownProgress() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(new SessionEvent.StepStarted(1, 3, "back", "Back strokes"));
    rec.accept(
        new SessionEvent.Progress(
            Duration.ofSeconds(120),
            Duration.ofSeconds(336),
            1,
            Duration.ofSeconds(30),
            Duration.ofSeconds(210),
            false));
    clock.advance(Duration.ofSeconds(125));

    rec.processEnding();

    HistoryRecord r = store.read().sessions().get(0);
    assertEquals(Ending.STOPPED, r.ending());
    assertEquals(HistoryRecorder.PROCESS_ENDED, r.reason());
    assertEquals(Duration.ofSeconds(120), r.finish().orElseThrow().played());
    assertEquals(1, r.finish().orElseThrow().stepsCompleted());
  }

  @Test
  void processEnding_afterTheSessionEnded_writesNothingMore() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, null, 3, Duration.ofSeconds(336))));

    rec.processEnding();
    rec.accept(new SessionEvent.Ended(new SessionOutcome(Ending.ERROR, "late", 0, Duration.ZERO)));

    assertEquals(2, Files.readAllLines(store.file()).size());
    History h = store.read();
    assertEquals(List.of(), h.warnings());
    assertEquals(Ending.COMPLETED, h.sessions().get(0).ending());
  }

  @Test
  void unwritableHistory_neverFailsTheSession_andWarnsInOneLineOnce() throws Exception {
    // The history "folder" is a file: every write fails, as on a read-only or full disk.
    Path blocker = dir.resolve("blocked");
    Files.writeString(blocker, "");
    HistoryStore store = new HistoryStore(blocker.resolve("history.jsonl"), clock);

    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(new SessionEvent.PauseChanged(true));
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.STOPPED, "q", 1, Duration.ofSeconds(100))));

    assertEquals(1, warnings.size(), warnings.toString());
    for (String w : warnings) {
      assertTrue(w.startsWith("could not write session history to " + store.file() + ": "), w);
      assertFalse(w.contains("\n"), w);
    }
    assertTrue(rec.ended());
  }

  @Test
  void aThrowingWarningPrinter_doesNotFailTheSessionEither() {
    Path blocker = dir.resolve("blocked");
    HistoryStore store = new HistoryStore(blocker.resolve("x").resolve("history.jsonl"), clock);
    try {
      Files.writeString(blocker, "");
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    HistoryRecorder rec =
        HistoryRecorder.start(
            store,
            timeline(),
            Sessions.settings(),
            w -> {
              throw new IllegalStateException("stderr closed");
            });
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, null, 3, Duration.ofSeconds(336))));

    assertTrue(rec.ended());
  }

  @Test
  void recordedSettings_takeWhatTheSessionWasPlannedAndSpokenWith() {
    dev.calmcue.session.SessionSettings s =
        new dev.calmcue.session.SessionSettings(
            new dev.calmcue.plan.PlanOptions(java.util.OptionalDouble.of(6), true, false, true),
            new dev.calmcue.speech.SpeechSettings("espeak", null, 125),
            55);

    assertEquals(
        new RecordedSettings(
            java.util.OptionalDouble.of(6), 125, 55, true, false, "espeak", true, true),
        RecordedSettings.of(s, true));
  }

  @Test
  void aSwitchToTextMode_midSession_isInTheEndRecordsSettings() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(new SessionEvent.TextMode("the audio device went away"));
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, null, 3, Duration.ofSeconds(336))));

    HistoryRecord r = store.read().sessions().get(0);
    assertTrue(r.settings().textMode());
    assertEquals(Sessions.settings().withTextMode(true), r.settings());
  }

  @Test
  void aDetailThatOnlyRepeatsTheEnding_isNotKeptAsAReason() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, "completed", 3, Duration.ofSeconds(336))));

    assertEquals(null, store.read().sessions().get(0).reason());
  }

  @Test
  void aCrashAroundThePlayer_isRecordedAsAnError_withItsMessageAndProgress() throws Exception {
    HistoryStore store = store();
    HistoryRecorder rec =
        HistoryRecorder.start(store, timeline(), Sessions.settings(), warnings::add);
    rec.accept(new SessionEvent.StepStarted(2, 3, "end", "Rest"));

    rec.failed(new IllegalStateException("terminal went away"));
    rec.accept(
        new SessionEvent.Ended(
            new SessionOutcome(Ending.COMPLETED, null, 3, Duration.ofSeconds(336))));

    HistoryRecord r = store.read().sessions().get(0);
    assertEquals(Ending.ERROR, r.ending());
    assertEquals("terminal went away", r.reason());
    assertEquals(2, r.finish().orElseThrow().stepsCompleted());
  }
}
