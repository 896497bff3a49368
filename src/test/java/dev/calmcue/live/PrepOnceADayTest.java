package dev.calmcue.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.history.RecordedSettings;
import dev.calmcue.history.SessionStart;
import dev.calmcue.plan.PlanOptions;
import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepOnceADayTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path dir;

  /** 07:00 in Berlin on the 25th (06:00 UTC). */
  final HistoryStore store =
      new HistoryStore(
          Path.of("unused"), Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), BERLIN));

  final List<String> warnings = new ArrayList<>();

  HistoryStore store() {
    return new HistoryStore(
        dir.resolve("history.jsonl"), Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), BERLIN));
  }

  static SessionSettings withPrep() {
    return new SessionSettings(
        new PlanOptions(OptionalDouble.of(7), true, true, false), SpeechSettings.defaults(), 80);
  }

  static void record(HistoryStore store, String localStart, Ending ending) throws Exception {
    OffsetDateTime at = OffsetDateTime.parse(localStart);
    SessionStart s =
        new SessionStart(
            "id-" + localStart.hashCode() + ending,
            "back-massage",
            "Back massage",
            at,
            Duration.ofMinutes(8),
            6,
            RecordedSettings.of(withPrep(), false));
    store.appendEnd(
        HistoryRecord.finished(s, ending, null, new HistoryRecord.Finish(at, Duration.ZERO, 0)));
  }

  @Test
  void firstSessionOfTheDay_speaksThePreparation() throws Exception {
    HistoryStore store = store();
    record(store, "2026-11-24T23:50:00+01:00", Ending.COMPLETED);

    SessionSettings s = PrepOnceADay.apply(withPrep(), store, warnings::add);

    assertTrue(s.plan().speakPreparation());
    assertEquals(List.of(), warnings);
  }

  @Test
  void laterSessionsThatDay_skipIt_andKeepEverythingElse() throws Exception {
    HistoryStore store = store();
    // 00:10 in Berlin on the 25th is still the 24th in UTC: the user's day counts.
    record(store, "2026-11-24T23:10:00Z", Ending.STOPPED);

    SessionSettings s = PrepOnceADay.apply(withPrep(), store, warnings::add);

    assertFalse(s.plan().speakPreparation());
    assertEquals(withPrep().plan().minutes(), s.plan().minutes());
    assertEquals(withPrep().speech(), s.speech());
    assertEquals(80, s.volumePercent());
  }

  @Test
  void aSessionThatNeverStarted_doesNotCount() throws Exception {
    HistoryStore store = store();
    record(store, "2026-11-25T06:30:00+01:00", Ending.NO_START);

    assertTrue(PrepOnceADay.apply(withPrep(), store, warnings::add).plan().speakPreparation());
  }

  @Test
  void aDemoRecordedFasterThanTheClock_doesNotCount() throws Exception {
    HistoryStore store = store();
    // What a --speed 1000 run used to write: 8 minutes played between 06:30:00 and 06:30:01.
    OffsetDateTime at = OffsetDateTime.parse("2026-11-25T06:30:00+01:00");
    SessionStart s =
        new SessionStart(
            "demo",
            "back-massage",
            "Back massage",
            at,
            Duration.ofMinutes(8),
            6,
            RecordedSettings.of(withPrep(), true));
    store.appendStart(s);
    store.appendEnd(
        HistoryRecord.finished(
            s,
            Ending.COMPLETED,
            null,
            new HistoryRecord.Finish(at.plusSeconds(1), Duration.ofMinutes(8), 6)));

    assertTrue(PrepOnceADay.apply(withPrep(), store, warnings::add).plan().speakPreparation());
  }

  @Test
  void unreadableHistory_speaksThePreparation_andSaysWhy() throws Exception {
    Files.createDirectories(dir.resolve("history.jsonl"));

    SessionSettings s = PrepOnceADay.apply(withPrep(), store(), warnings::add);

    assertTrue(s.plan().speakPreparation());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("could not read session history ("), warnings.get(0));
  }

  @Test
  void noPrepAsked_staysNoPrep_withoutReadingHistory() {
    SessionSettings none =
        new SessionSettings(
            new PlanOptions(OptionalDouble.empty(), false, true, false),
            SpeechSettings.defaults(),
            80);

    assertSame(none, PrepOnceADay.apply(none, store, warnings::add));
  }
}
