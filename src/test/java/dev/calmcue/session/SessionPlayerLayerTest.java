package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.TimelineLayer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A layer under the timeline (the music bed) sounds while the session plays on, and only then. */
class SessionPlayerLayerTest {
  private static final int PREROLL = 300;
  private final VirtualClock clock = new VirtualClock();

  /** Every pull of the layer, in order, with the pauses and resumptions between them. */
  private final List<String> log = new ArrayList<>();

  private final List<long[]> pulls = new ArrayList<>();

  private final TimelineLayer recording =
      (from, buf, off, len) -> {
        pulls.add(new long[] {from, len});
        log.add("pull " + from);
      };

  private SessionPlayer player(TestSession s, ScriptedSink sink) {
    SessionPlayer p = s.player(sink, clock, TestSession.settings(PREROLL));
    p.layUnder(recording);
    p.addListener(
        e -> {
          if (e instanceof SessionEvent.PauseChanged pc) {
            log.add(pc.paused() ? "paused" : "resumed");
          }
        });
    return p;
  }

  private static ScriptedSink sink(TestSession s) {
    return new ScriptedSink(TestSession.RATE, s.audio.totalSamples() * 10 + 200_000);
  }

  @Test
  void aSessionLeftToPlay_pullsTheLayerForEveryTimelineSample_onceAndInOrder() {
    TestSession s = TestSession.threeSteps();
    player(s, sink(s)).run();

    long next = 0;
    for (long[] pull : pulls) {
      assertEquals(next, pull[0], "the layer runs on without a gap or a jump");
      next += pull[1];
    }
    assertEquals(s.audio.totalSamples(), next, "to the end of the closing");
  }

  @Test
  void pause_stopsTheLayerAtOnce_andResumeGoesOnFromTheSampleItWasPausedAt() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = sink(s);
    SessionPlayer p = player(s, sink);
    long pauseAt = 6_000; // timeline sample: between step one's prompt and step two
    sink.at(PREROLL + pauseAt, () -> p.submit(Command.PAUSE, ControlSource.KEYBOARD));
    sink.at(PREROLL + 11_000, () -> p.submit(Command.RESUME, ControlSource.KEYBOARD));
    p.run();

    int paused = log.indexOf("paused");
    int resumed = log.indexOf("resumed");
    assertTrue(paused >= 0 && resumed == paused + 1, "no pull while paused: " + log);
    String firstAfter =
        log.subList(resumed, log.size()).stream()
            .filter(l -> l.startsWith("pull"))
            .findFirst()
            .orElseThrow();
    assertEquals("pull " + pauseAt, firstAfter, "the layer resumes where the pause was heard");
  }

  @Test
  void stop_endsTheLayerAtOnce_theClosingIsSpokenWithoutIt() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = sink(s);
    SessionPlayer p = player(s, sink);
    long stopAt = 10_500; // timeline sample: while step two's instruction is spoken
    sink.at(PREROLL + stopAt, () -> p.submit(Command.STOP, ControlSource.KEYBOARD));
    p.run();

    long closing = s.at("Well done. Cuddle time");
    for (long[] pull : pulls) {
      assertTrue(pull[0] + pull[1] <= stopAt, "no layer after the stop: pull at " + pull[0]);
      assertFalse(pull[0] >= closing, "no layer under the stopped session's closing");
    }
  }

  @Test
  void fussy_endsTheLayerAtOnce() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = sink(s);
    SessionPlayer p = player(s, sink);
    long fussyAt = 4_500;
    sink.at(PREROLL + fussyAt, () -> p.submit(Command.FUSSY, ControlSource.PHONE));
    p.run();

    long last = pulls.get(pulls.size() - 1)[0] + pulls.get(pulls.size() - 1)[1];
    assertTrue(last <= fussyAt, "the last pull ends by the fussy: " + last);
  }
}
