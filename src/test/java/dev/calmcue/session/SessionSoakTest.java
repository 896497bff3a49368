package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.AudioSink;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.session.SessionOutcome.Ending;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An 8-hour session on the virtual clock, on a sound card with a real buffer, with a parent who
 * pauses, skips and repeats at random (seeded) and a machine that is suspended now and then. Every
 * cue invariant holds all night long, and what the player keeps stays as small at the end as at the
 * start. The sound is checked as it is written, never kept, so the test itself stays small too.
 */
class SessionSoakTest {
  private static final int STEPS = 96; // 5 minutes each: 8 hours
  private static final int STEP_MS = 300_000;
  private static final int BUFFER = 150;
  private static final String[] INSTRUCTIONS = {
    "Rest your hands on the back", "Stroke from neck to bottom", "Small circles by the spine"
  };

  private final VirtualClock clock = new VirtualClock();

  static TestSession eightHours() {
    TestSession s = new TestSession();
    for (int i = 0; i < STEPS; i++) {
      s.step(
          "s" + i,
          "Step " + (i + 1),
          STEP_MS,
          INSTRUCTIONS[i % INSTRUCTIONS.length],
          1_800,
          60_000,
          "Breathe slowly",
          1_200,
          120_000,
          "Keep it light",
          1_000,
          180_000,
          "Breathe slowly",
          1_200,
          240_000,
          "Keep it light",
          1_000);
    }
    return s.closing("Well done. Cuddle time", 1_400).build();
  }

  @Test
  void eightHours_ofRandomPausesSkipsRepeatsAndSuspends_keepEveryCueInvariant_andMemoryFlat() {
    for (long seed : new long[] {1, 2, 3}) {
      soak(seed);
    }
  }

  private void soak(long seed) {
    TestSession s = eightHours();
    Random random = new Random(seed);
    List<Object> log = new ArrayList<>(); // events and the parent's doings, in the writer's order
    SoakLine line = new SoakLine(s);
    SessionPlayer p =
        new SessionPlayer(
            s.timeline, s.sounds, s.audio, () -> line, clock, TestSession.settings(300));
    p.addListener(
        e -> {
          if (!(e instanceof SessionEvent.Progress)) {
            log.add(e);
          }
        });
    int[] nexts = {0};
    int[] backlog = new int[2]; // the largest in the first hour, and after it
    long hour = 3_600L * TestSession.RATE;
    long[] nextAction = {gap(random)};
    long[] resumeAt = {Long.MAX_VALUE};
    line.afterWrite =
        written -> {
          int b = p.backlog();
          int k = written < hour ? 0 : 1;
          backlog[k] = Math.max(backlog[k], b);
          if (written >= resumeAt[0]) {
            resumeAt[0] = Long.MAX_VALUE;
            log.add(Command.RESUME);
            p.submit(Command.RESUME, ControlSource.KEYBOARD);
          }
          if (written < nextAction[0]) {
            return;
          }
          nextAction[0] = written + gap(random);
          int step = p.state().stepIndex();
          if (step < 0 || step >= STEPS - 1) {
            return; // the closing: leave it be, so the session ends by itself
          }
          int what = random.nextInt(10);
          if (what < 4) {
            log.add(Command.PAUSE);
            p.submit(Command.PAUSE, ControlSource.KEYBOARD);
            resumeAt[0] = written + 5_000 + random.nextInt(600_000); // 5 s to 10 min
          } else if (what < 6) {
            nexts[0]++;
            log.add(Command.NEXT);
            p.submit(Command.NEXT, ControlSource.PHONE);
          } else if (what < 9) {
            log.add(Command.REPEAT);
            p.submit(Command.REPEAT, ControlSource.VOICE);
          } else {
            log.add("suspend");
            line.suspendNextWrite(4_000 + random.nextInt(120_000)); // a lid shut for 4 s to 2 min
          }
        };
    SessionOutcome outcome = p.run();

    String where = "seed " + seed;
    assertEquals(Ending.COMPLETED, outcome.ending(), where);
    assertEquals(STEPS - nexts[0], outcome.stepsCompleted(), where + ": each skip skips one step");
    assertTrue(line.heardSeconds() > 7 * 3_600, where + ": " + line.heardSeconds() + " s");
    assertTrue(nexts[0] > 3, where + ": the parent skipped a few times");
    checkCues(s, log, line, where);
    long suspends = log.stream().filter("suspend"::equals).count();
    long stalls = log.stream().filter(e -> e instanceof SessionEvent.Stalled).count();
    assertEquals(suspends, stalls, where + ": every suspend is seen as a stall, and only those");
    assertTrue(backlog[0] <= 32, where + ": backlog " + backlog[0]);
    assertTrue(backlog[1] <= backlog[0], where + ": backlog " + backlog[0] + " then " + backlog[1]);
  }

  /** Output samples until the parent (or the machine) does something: 6 minutes on average. */
  private static long gap(Random random) {
    return 1_000 + (long) (-Math.log(1 - random.nextDouble()) * 360_000);
  }

  private static void checkCues(TestSession s, List<Object> log, SoakLine line, String where) {
    List<String> reported = new ArrayList<>();
    Map<Cue, Integer> heardAt = new HashMap<>(); // cue -> index in the log when last heard
    Duration lastNew = Duration.ofMillis(-1);
    int lastAgainCause = -1; // log index of the last repeat, resume or suspend
    int stepWaitingForInstruction = -1;
    for (int i = 0; i < log.size(); i++) {
      Object o = log.get(i);
      if (o == Command.REPEAT
          || o == Command.RESUME
          || "suspend".equals(o)
          || o instanceof SessionEvent.Stalled) {
        lastAgainCause = i;
      } else if (o instanceof SessionEvent.PauseChanged pc && !pc.paused()) {
        lastAgainCause = i;
      } else if (o instanceof SessionEvent.StepStarted st) {
        stepWaitingForInstruction = st.index();
      } else if (o instanceof SessionEvent.CueStarted cs) {
        Cue cue = cs.cue();
        reported.add(cue.text());
        if (stepWaitingForInstruction >= 0) {
          assertEquals(CueKind.INSTRUCTION, cue.kind(), where + ": a step starts with it");
          assertEquals("s" + stepWaitingForInstruction, cue.stepId(), where);
          stepWaitingForInstruction = -1;
        }
        Integer before = heardAt.put(cue, i);
        if (before == null) {
          assertTrue(cue.at().compareTo(lastNew) > 0, where + ": in order: " + cue);
          lastNew = cue.at();
        } else {
          assertEquals(CueKind.INSTRUCTION, cue.kind(), where + ": said again: " + cue);
          assertTrue(lastAgainCause > before, where + ": said again without a repeat: " + cue);
        }
      }
    }
    assertEquals(line.onsets, reported, where + ": every cue heard is reported once, in order");
  }

  /**
   * A sound card on the virtual clock (as {@link FakeLineSink}) that checks the sound as it is
   * heard instead of keeping it: every clip is heard from its first sample on, nothing overlaps.
   * What is dropped from its buffer is never heard, so never checked.
   */
  private final class SoakLine implements AudioSink {
    private final TestSession s;
    final List<String> onsets = new ArrayList<>();
    java.util.function.LongConsumer afterWrite = w -> {};
    private final java.util.ArrayDeque<short[]> queue = new java.util.ArrayDeque<>();
    private int frontPos;

    /** Samples queued and not dropped: the output clock, as the player counts it. */
    private long written;

    private long heard;
    private long queueEnd = Long.MIN_VALUE;
    private long suspendMillis;
    private TestSession.Decoded prev;

    SoakLine(TestSession s) {
      this.s = s;
    }

    void suspendNextWrite(long millis) {
      suspendMillis = millis;
    }

    long heardSeconds() {
      return heard / TestSession.RATE;
    }

    @Override
    public int sampleRate() {
      return TestSession.RATE;
    }

    @Override
    public void write(short[] samples, int offset, int length) {
      if (suspendMillis > 0) {
        clock.advance(Duration.ofMillis(suspendMillis));
        suspendMillis = 0;
      }
      if (queueEnd == Long.MIN_VALUE) {
        queueEnd = clock.nanoTime();
      }
      clock.sleepUntil(queueEnd - nanos(BUFFER - length));
      hear();
      queueEnd = Math.max(clock.nanoTime(), queueEnd) + nanos(length);
      queue.add(java.util.Arrays.copyOfRange(samples, offset, offset + length));
      written += length;
      afterWrite.accept(written);
    }

    /** Checks the samples heard by now. */
    private void hear() {
      long upTo = written - bufferedSamples();
      while (heard < upTo) {
        short[] front = queue.peekFirst();
        short v = front[frontPos++];
        if (frontPos == front.length) {
          queue.pollFirst();
          frontPos = 0;
        }
        TestSession.Decoded d = v == 0 ? null : s.decode(v);
        if (d != null) {
          boolean continues =
              prev != null && prev.text().equals(d.text()) && prev.offset() + 1 == d.offset();
          if (!continues) {
            assertEquals(0, d.offset(), d.text() + " heard from the middle at " + heard);
            onsets.add(d.text());
          }
        }
        prev = d;
        heard++;
      }
    }

    @Override
    public long bufferedSamples() {
      long left = queueEnd - clock.nanoTime();
      long b = left <= 0 ? 0 : Math.round(left * (double) TestSession.RATE / 1e9);
      return Math.min(b, written - heard);
    }

    @Override
    public void discardBuffered() {
      hear();
      queue.clear();
      frontPos = 0;
      written = heard;
      queueEnd = Math.min(queueEnd, clock.nanoTime());
    }

    @Override
    public void drain() {
      clock.sleepUntil(queueEnd);
      hear();
    }

    @Override
    public void close() {}

    private long nanos(long samples) {
      return Math.round(samples * 1e9 / TestSession.RATE);
    }
  }
}
