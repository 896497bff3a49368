package dev.calmcue.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.MemorySink;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.plan.Control;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.SpokenControls;
import dev.calmcue.remote.RoutineSummary;
import dev.calmcue.remote.SessionBusyException;
import dev.calmcue.remote.SessionState;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.remote.SessionUpdate;
import dev.calmcue.remote.StartRequest;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.MonotonicClock;
import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real host with the real preparer and player, in text mode, on a clock the test moves: a fake
 * engine makes every text 40 ms of silence per character, so nothing here depends on FreeTTS or a
 * sound card.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public class ServedSessionsTest {
  /** Two 30-second steps: a minute. */
  public static final String ROUTINE =
      """
      {
        "schemaVersion": 1,
        "id": "tiny",
        "title": "Tiny",
        "minutes": { "min": 1, "max": 2 },
        "steps": [
          { "id": "warm", "title": "Warm hands", "say": "Rest your warm hands on the back.", "seconds": 30 },
          { "id": "long", "title": "Long strokes", "say": "Stroke slowly from neck to bottom.", "seconds": 30 }
        ]
      }
      """;

  @TempDir Path dir;
  private final SteppedClock clock = new SteppedClock();
  private final List<String> notes = new CopyOnWriteArrayList<>();
  private final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
  private ServedSessions host;

  @BeforeEach
  void host() throws Exception {
    Path routines = Files.createDirectories(dir.resolve("routines"));
    Files.writeString(routines.resolve("tiny.json"), ROUTINE);
    Files.writeString(
        routines.resolve("broken.json"), "{ \"schemaVersion\": 1, \"id\": \"broken\" ");
    host =
        new ServedSessions(
            new ServedSessions.Wiring(
                new RoutineCatalog(routines, null, false),
                settings -> new SilentEngine(),
                rate -> {
                  throw new AudioFailure("no sound card in tests", null);
                },
                clock,
                PlayerSettings.defaults(),
                new HistoryStore(
                    dir.resolve("history.jsonl"), java.time.Clock.system(ZoneOffset.UTC)),
                true,
                notes::add));
    host.subscribe(updates::add);
  }

  @AfterEach
  void stop() {
    host.shutdown(Duration.ofSeconds(5));
  }

  /**
   * Moves the clock in small steps until the condition holds (bounded, so a bug fails rather than
   * hangs).
   */
  private void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
    clock.runUntil(what, condition, host::state);
  }

  private static StartRequest noPrep(String id) {
    return new StartRequest(id, OptionalDouble.empty(), false, false, true);
  }

  @Test
  void phone_sessions_name_the_phones_buttons_for_ready_and_stop() {
    var settings = ServedSessions.settingsFor(StartRequest.of("tiny"));
    assertEquals(java.util.Set.of(dev.calmcue.plan.Control.PHONE), settings.plan().controls());
    assertEquals(
        "Ready? To begin, tap Ready on the phone.",
        dev.calmcue.plan.SpokenControls.ready(settings.plan().controls()));
  }

  @Test
  void with_voice_commands_offered_the_prelude_names_the_phone_and_the_voice() {
    var settings = ServedSessions.settingsFor(StartRequest.of("tiny"), Set.of(Control.VOICE));
    assertEquals(Set.of(Control.PHONE, Control.VOICE), settings.plan().controls());
    String ready = SpokenControls.ready(settings.plan().controls());
    assertTrue(
        ready.contains("tap Ready on the phone") && ready.contains("calm cue, ready"), ready);
  }

  @Test
  void a_stop_said_to_the_microphone_is_recorded_as_stopped_by_voice() throws Exception {
    List<LiveSession> started = new CopyOnWriteArrayList<>();
    host.onSessionStarting(started::add);
    host.start(noPrep("tiny"));
    runUntil("first step", () -> host.state().stepIndex() == 0);
    assertEquals(1, started.size(), "the voice sees the session before it plays");
    assertTrue(host.send(Command.STOP, ControlSource.VOICE));
    runUntil("ended", () -> host.state().status() == Status.ENDED);
    assertEquals(Optional.of(ControlSource.VOICE), host.history(1).get(0).stoppedBy());
  }

  @Test
  void a_phone_start_asking_for_few_prompts_plans_few() {
    var few =
        new StartRequest(
            "tiny", OptionalDouble.empty(), false, true, true, dev.calmcue.plan.PromptAmount.FEW);
    assertEquals(
        dev.calmcue.plan.PromptAmount.FEW, ServedSessions.settingsFor(few).plan().prompts());
  }

  @Test
  void routines_are_the_catalogs_good_ones() {
    List<RoutineSummary> routines = host.routines();
    assertEquals(
        List.of("tiny"),
        routines.stream().map(RoutineSummary::id).toList(),
        "broken files left out");
    assertEquals(2, routines.get(0).steps());
    assertEquals(1, routines.get(0).minutes().min());
  }

  @Test
  void only_catalog_ids_start_never_a_file_on_this_machine() {
    for (String id :
        List.of(
            "nope",
            "/etc/passwd",
            "../routines/tiny.json",
            dir.resolve("routines/tiny.json").toString())) {
      var e = assertThrows(CalmcueException.class, () -> host.start(noPrep(id)), id);
      assertEquals(CalmcueException.Kind.INPUT, e.kind());
    }
    var broken = assertThrows(CalmcueException.class, () -> host.start(noPrep("broken")));
    assertFalse(host.state().running());
    assertTrue(broken.getMessage().contains("broken"), broken.getMessage());
  }

  @Test
  void minutes_outside_the_routines_range_are_refused_before_anything_starts() {
    var e =
        assertThrows(
            CalmcueException.class,
            () -> host.start(new StartRequest("tiny", OptionalDouble.of(9), false, false, true)));
    assertEquals("'tiny' is meant for 1-2 min, not 9 minutes", e.getMessage());
    assertFalse(host.state().running());
  }

  @Test
  void a_session_plays_its_steps_pauses_and_ends_fussy_into_the_history() throws Exception {
    SessionState started = host.start(noPrep("tiny"));
    assertEquals(Status.STARTING, started.status());
    assertEquals("Tiny", started.title());
    runUntil("first step", () -> host.state().stepIndex() == 0);
    assertEquals("Rest your warm hands on the back.", host.state().stepText());
    assertTrue(updates.stream().anyMatch(u -> u.event() instanceof SessionEvent.TextMode));
    assertThrows(SessionBusyException.class, () -> host.start(noPrep("tiny")));

    runUntil("second step", () -> host.state().stepIndex() == 1);
    assertTrue(host.send(Command.PAUSE));
    runUntil("paused", () -> host.state().status() == Status.PAUSED);
    int seen = updates.size();
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMillis(50));
      Thread.sleep(1);
    }
    assertEquals(
        Status.PAUSED,
        host.state().status(),
        "stays paused: "
            + updates.subList(seen, updates.size()).stream().map(SessionUpdate::event).toList());
    assertEquals(List.of(), host.history(10), "nothing recorded as ended yet");

    assertTrue(host.send(Command.FUSSY));
    runUntil("ended", () -> host.state().status() == Status.ENDED);
    assertEquals(SessionOutcome.Ending.FUSSY, host.state().outcome().ending());
    List<HistoryRecord> history = host.history(10);
    assertEquals(1, history.size());
    HistoryRecord record = history.get(0);
    assertEquals(SessionOutcome.Ending.FUSSY, record.ending());
    assertEquals("tiny", record.routineId());
    assertEquals(1, record.finish().orElseThrow().stepsCompleted());
    assertEquals(Optional.of(ControlSource.PHONE), record.stoppedBy());
    assertFalse(host.send(Command.PAUSE), "nothing left to pause");
  }

  @Test
  void shutting_down_ends_the_session_with_its_closing_recorded_as_stopped() throws Exception {
    host.start(noPrep("tiny"));
    runUntil("first step", () -> host.state().stepIndex() == 0);
    Thread stopper = new Thread(() -> host.shutdown(Duration.ofSeconds(60)));
    stopper.start();
    runUntil("ended", () -> host.state().status() == Status.ENDED);
    stopper.join();
    assertEquals(SessionOutcome.Ending.STOPPED, host.state().outcome().ending());
    assertTrue(
        updates.stream()
            .anyMatch(
                u ->
                    u.event() instanceof SessionEvent.CueStarted c
                        && c.cue().kind() == CueKind.CLOSING),
        "the closing was said");
    assertEquals(SessionOutcome.Ending.STOPPED, host.history(1).get(0).ending());
    assertEquals(Optional.of(ControlSource.HOST), host.history(1).get(0).stoppedBy());
    assertThrows(
        SessionBusyException.class,
        () -> host.start(noPrep("tiny")),
        "no new session while stopping");
  }

  @Test
  void a_failure_while_preparing_ends_the_session_with_its_reason() throws Exception {
    ServedSessions failing =
        new ServedSessions(
            new ServedSessions.Wiring(
                new RoutineCatalog(dir.resolve("routines"), null, false),
                settings -> {
                  throw CalmcueException.input("espeak-ng is not installed");
                },
                rate -> {
                  throw new AudioFailure("no sound card in tests", null);
                },
                clock,
                PlayerSettings.defaults(),
                new HistoryStore(
                    dir.resolve("history.jsonl"), java.time.Clock.system(ZoneOffset.UTC)),
                true,
                notes::add));
    try {
      assertEquals(Status.STARTING, failing.start(noPrep("tiny")).status());
      runUntil("ended", () -> failing.state().status() == Status.ENDED);
      assertEquals(SessionOutcome.Ending.ERROR, failing.state().outcome().ending());
      assertEquals("espeak-ng is not installed", failing.state().outcome().detail());
      assertEquals(
          Status.STARTING, failing.start(noPrep("tiny")).status(), "the next start is possible");
    } finally {
      failing.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void announce_says_the_line_on_the_speaker_after_a_little_wake_up_silence() throws Exception {
    List<MemorySink> speakers = new CopyOnWriteArrayList<>();
    ServedSessions speaking =
        new ServedSessions(
            new ServedSessions.Wiring(
                new RoutineCatalog(dir.resolve("routines"), null, false),
                settings ->
                    new SilentEngine() {
                      @Override
                      public Pcm synthesize(String text) {
                        short[] tone = new short[text.length() * 320];
                        java.util.Arrays.fill(tone, (short) 1000);
                        return new Pcm(8000, tone);
                      }
                    },
                rate -> {
                  MemorySink sink = new MemorySink(rate);
                  speakers.add(sink);
                  return sink;
                },
                clock,
                PlayerSettings.defaults(),
                new HistoryStore(
                    dir.resolve("history.jsonl"), java.time.Clock.system(ZoneOffset.UTC)),
                false,
                notes::add));
    try {
      speaking.announce("calmcue is ready");
      runUntil("spoken", () -> !speakers.isEmpty() && speakers.get(0).isClosed());
      short[] heard = speakers.get(0).samples();
      int wake = (int) (8000 * PlayerSettings.DEFAULT_PREROLL.toMillis() / 1000);
      int words = "calmcue is ready".length() * 320;
      assertEquals(wake + words, heard.length);
      for (int i = 0; i < heard.length; i++) {
        assertEquals(i >= wake, heard[i] != 0, "sample " + i);
      }
      assertEquals(List.of(), notes);
    } finally {
      speaking.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void announce_in_text_mode_is_a_note_not_sound() throws Exception {
    host.announce("calmcue is ready");
    runUntil("noted", () -> notes.stream().anyMatch(n -> n.startsWith("calmcue is ready")));
  }

  /** Every text is silence, 40 ms a character, at 8 kHz. */
  public static class SilentEngine implements SpeechEngine {
    @Override
    public String name() {
      return "silent";
    }

    @Override
    public String voice() {
      return "none";
    }

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public String settingsKey() {
      return "silent";
    }

    @Override
    public Pcm synthesize(String text) {
      return new Pcm(8000, new short[text.length() * 320]);
    }

    @Override
    public void close() {}
  }

  /** Time moves only when the test says; sleepers wait for it. */
  public static final class SteppedClock implements MonotonicClock {
    private long now;

    @Override
    public synchronized long nanoTime() {
      return now;
    }

    @Override
    public synchronized void sleepUntil(long deadline) {
      while (now < deadline) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    public synchronized void advance(Duration d) {
      now += d.toNanos();
      notifyAll();
    }

    /**
     * Moves time in small steps until the condition holds (bounded, so a bug fails rather than
     * hangs); {@code state} says where things stood if it never does.
     */
    public void runUntil(
        String what, BooleanSupplier condition, java.util.function.Supplier<?> state)
        throws InterruptedException {
      for (int i = 0; i < 20_000; i++) {
        if (condition.getAsBoolean()) {
          return;
        }
        advance(Duration.ofMillis(50));
        Thread.sleep(1);
      }
      throw new AssertionError("never happened: " + what + "; state " + state.get());
    }

    /** Moves time on, then asks: for polling a page while the session plays. */
    public boolean advanceThen(Duration d, java.util.function.BooleanSupplier condition) {
      advance(d);
      return condition.getAsBoolean();
    }
  }
}
