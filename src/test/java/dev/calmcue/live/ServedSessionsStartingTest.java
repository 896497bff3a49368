package dev.calmcue.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.MemorySink;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.live.ServedSessionsTest.SilentEngine;
import dev.calmcue.live.ServedSessionsTest.SteppedClock;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.remote.SessionUpdate;
import dev.calmcue.remote.StartRequest;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.speech.Pcm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop or fussy from the phone while the session is still starting (its speech is being made)
 * acts at once: the session never starts speaking, not even its closing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServedSessionsStartingTest {
  @TempDir Path dir;
  private final SteppedClock clock = new SteppedClock();
  private final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
  private final CountDownLatch speechGoesOn = new CountDownLatch(1);
  private final AtomicInteger texts = new AtomicInteger();
  private ServedSessions host;

  /** Speech as slow as the test wants: the first text waits until the test lets it go on. */
  private final class SlowEngine extends SilentEngine {
    @Override
    public Pcm synthesize(String text) {
      if (texts.getAndIncrement() == 0) {
        try {
          assertTrue(speechGoesOn.await(30, TimeUnit.SECONDS), "the test never let speech go on");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.synthesize(text);
    }
  }

  @BeforeEach
  void routines() throws Exception {
    Path routines = Files.createDirectories(dir.resolve("routines"));
    Files.writeString(routines.resolve("tiny.json"), ServedSessionsTest.ROUTINE);
  }

  private ServedSessions host(SilentEngine engine, IntFunction<AudioSink> speaker) {
    host =
        new ServedSessions(
            new ServedSessions.Wiring(
                new RoutineCatalog(dir.resolve("routines"), null, false),
                settings -> engine,
                speaker,
                clock,
                PlayerSettings.defaults(),
                new HistoryStore(
                    dir.resolve("history.jsonl"), java.time.Clock.system(ZoneOffset.UTC)),
                false,
                note -> {}));
    host.subscribe(updates::add);
    return host;
  }

  @AfterEach
  void stop() {
    speechGoesOn.countDown();
    if (host != null) {
      host.shutdown(Duration.ofSeconds(5));
    }
  }

  private void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
    clock.runUntil(what, condition, host::state);
  }

  private static StartRequest noPrep() {
    return new StartRequest("tiny", OptionalDouble.empty(), false, false, true);
  }

  private static AudioSink noSpeaker(int rate) {
    throw new AudioFailure("no sound card in tests", null);
  }

  private boolean anythingSaid() {
    return updates.stream()
        .anyMatch(
            u ->
                u.event() instanceof SessionEvent.CueStarted
                    || u.event() instanceof SessionEvent.StepStarted);
  }

  @Test
  void a_stop_while_the_speech_is_being_made_ends_the_session_before_a_word() throws Exception {
    host(new SlowEngine(), ServedSessionsStartingTest::noSpeaker);
    assertEquals(Status.STARTING, host.start(noPrep()).status());
    runUntil("speech is being made", () -> texts.get() == 1);
    assertTrue(host.send(Command.STOP), "a starting session takes a stop");
    speechGoesOn.countDown();
    runUntil("ended", () -> host.state().status() == Status.ENDED);

    SessionOutcome outcome = host.state().outcome();
    assertEquals(Ending.STOPPED, outcome.ending());
    assertEquals("stopped before the session began", outcome.detail());
    assertEquals(Optional.of(ControlSource.PHONE), outcome.stoppedBy());
    assertEquals(1, texts.get(), "no more speech was made after the stop");
    assertTrue(!anythingSaid(), "nothing was said");
    assertEquals(List.of(), host.history(10), "a session that never began is not history");
    assertEquals(Status.STARTING, host.start(noPrep()).status(), "the next start is possible");
  }

  @Test
  void fussy_while_starting_ends_fussy_without_a_word() throws Exception {
    host(new SlowEngine(), ServedSessionsStartingTest::noSpeaker);
    host.start(noPrep());
    runUntil("speech is being made", () -> texts.get() == 1);
    assertTrue(host.send(Command.FUSSY));
    assertTrue(host.send(Command.STOP), "a later stop does not overrule the fussy baby");
    speechGoesOn.countDown();
    runUntil("ended", () -> host.state().status() == Status.ENDED);

    assertEquals(Ending.FUSSY, host.state().outcome().ending());
    assertTrue(!anythingSaid());
  }

  @Test
  void a_stop_as_the_speaker_opens_stops_at_the_first_chunk_in_silence() throws Exception {
    List<MemorySink> speakers = new CopyOnWriteArrayList<>();
    host(
        new SilentEngine() {
          @Override
          public Pcm synthesize(String text) {
            short[] tone = new short[text.length() * 320];
            Arrays.fill(tone, (short) 1000);
            return new Pcm(8000, tone);
          }
        },
        rate -> {
          host.send(Command.STOP); // the session is prepared, nothing is heard yet
          MemorySink sink = new MemorySink(rate);
          speakers.add(sink);
          return sink;
        });
    host.start(noPrep());
    runUntil("ended", () -> host.state().status() == Status.ENDED);

    assertEquals(Ending.STOPPED, host.state().outcome().ending());
    assertEquals("stopped before the session began", host.state().outcome().detail());
    assertTrue(!anythingSaid());
    for (short sample : speakers.get(0).samples()) {
      assertEquals(0, sample, "only the speaker's wake-up silence, no words");
    }
    assertEquals(Ending.STOPPED, host.history(1).get(0).ending(), "it had started: recorded");
  }
}
