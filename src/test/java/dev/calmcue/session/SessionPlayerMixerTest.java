package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.session.SessionOutcome.Ending;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sound mixed live into the player's output ({@link OutputMixer}): a music bed, a blip, a tap. */
class SessionPlayerMixerTest {
  private static final int PREROLL = 300;
  private final VirtualClock clock = new VirtualClock();

  @Test
  void mixer_addsItsSoundAtTheOutputSampleItIsGiven_withoutMovingAnyCue() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = new ScriptedSink(TestSession.RATE, 1_000_000);
    SessionPlayer p = s.player(sink, clock, TestSession.settings(PREROLL));
    // a mark from output sample 100 to 109, inside the preroll's silence
    p.addMixer(
        (at, block, length, queuedAhead, now) -> {
          for (int i = 0; i < length; i++) {
            if (at + i >= 100 && at + i < 110) {
              block[i] += 7;
            }
          }
        });
    p.run();

    short[] rec = sink.samples();
    short[] mark = new short[10];
    Arrays.fill(mark, (short) 7);
    assertArrayEquals(mark, Arrays.copyOfRange(rec, 100, 110));
    assertEquals(0, rec[99]);
    assertEquals(0, rec[110]);
    for (TestSession.Onset o : s.onsets(rec)) {
      assertEquals(PREROLL + s.at(o.text()), o.sample(), o.text());
    }
  }

  @Test
  void mixers_runInTheOrderAdded_andALaterOneSeesWhatAnEarlierOneAdded() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = new ScriptedSink(TestSession.RATE, 1_000_000);
    SessionPlayer p = s.player(sink, clock, TestSession.settings(PREROLL));
    p.addMixer((at, block, length, queuedAhead, now) -> block[0] += 3);
    List<Short> seen = new ArrayList<>();
    p.addMixer((at, block, length, queuedAhead, now) -> seen.add(block[0]));
    p.run();

    assertEquals(3, (short) seen.get(0), "the preroll's first sample, plus the first mixer's 3");
    assertEquals(3, sink.samples()[0]);
  }

  @Test
  void mixers_seeWhatIsSaid_notTheBedLaidUnderIt_whichStillReachesTheSpeaker() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = new ScriptedSink(TestSession.RATE, 1_000_000);
    SessionPlayer p = s.player(sink, clock, TestSession.settings(PREROLL));
    p.layUnder((from, buf, off, len) -> Arrays.fill(buf, off, off + len, (short) 5));
    List<Short> seen = new ArrayList<>();
    p.addMixer(
        (at, block, length, queuedAhead, now) -> {
          for (int i = 0; i < length; i++) {
            seen.add(block[i]);
          }
        });
    p.run();

    short[] rec = sink.samples();
    long quiet = PREROLL + s.at("Rest your hands on the back") + 1600; // after the instruction
    assertEquals(0, (short) seen.get((int) quiet), "the tap hears silence between cues");
    assertEquals(5, rec[(int) quiet], "the speaker plays the bed there");
  }

  @Test
  void next_setsTheOutputBackToWhatWasHeard_soUnheardMixedSoundIsWrittenAgain() {
    TestSession s = TestSession.threeSteps();
    FakeLineSink line = new FakeLineSink(clock, TestSession.RATE, 150);
    SessionPlayer p =
        new SessionPlayer(
            s.timeline, s.sounds, s.audio, () -> line, clock, TestSession.settings(PREROLL));
    List<long[]> blocks = new ArrayList<>(); // at, length, queued ahead
    p.addMixer(
        (at, block, length, queuedAhead, now) -> blocks.add(new long[] {at, length, queuedAhead}));
    p.addListener(
        e -> {
          if (e instanceof SessionEvent.CueStarted cs && cs.cue().text().equals("Breathe slowly")) {
            p.submit(Command.NEXT, ControlSource.KEYBOARD);
          }
        });
    p.run();

    int back = 0;
    for (int i = 1; i < blocks.size(); i++) {
      long expected = blocks.get(i - 1)[0] + blocks.get(i - 1)[1];
      long at = blocks.get(i)[0];
      if (at != expected) {
        back++;
        long dropped = expected - at;
        // what the line still held then: at most its 150 samples, and some of it there was
        assertTrue(dropped > 0 && dropped <= 150, "set back by " + dropped);
      }
    }
    assertEquals(1, back, "one command cut the sound short, one rewind");
    assertTrue(blocks.stream().anyMatch(b -> b[2] > 0), "the line's queue is reported");
  }

  @Test
  void aMixerThatFails_isDroppedAndReportedOnce_andTheSessionGoesOn() {
    TestSession s = TestSession.threeSteps();
    ScriptedSink sink = new ScriptedSink(TestSession.RATE, 1_000_000);
    SessionPlayer p = s.player(sink, clock, TestSession.settings(PREROLL));
    List<Throwable> problems = new ArrayList<>();
    p.reportProblemsTo(problems::add);
    int[] calls = {0};
    p.addMixer(
        (at, block, length, queuedAhead, now) -> {
          calls[0]++;
          throw new IllegalStateException("broken bed");
        });
    SessionOutcome outcome = p.run();

    assertEquals(Ending.COMPLETED, outcome.ending());
    assertEquals(1, calls[0]);
    assertEquals(1, problems.size());
  }
}
