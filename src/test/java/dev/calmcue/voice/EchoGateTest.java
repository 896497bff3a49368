package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.session.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EchoGateTest {
  private static final long MS = 1_000_000L;
  private static final int RATE = 16_000;

  private final EchoGate gate = new EchoGate(Duration.ofMillis(100), Duration.ofMillis(300));
  private final EchoGate.PlaybackTap tap = new EchoGate.PlaybackTap(gate, RATE);

  private static short[] tone(int samples) {
    short[] s = new short[samples];
    for (int i = 0; i < samples; i++) {
      s[i] = (short) (3000 * Math.sin(i * 0.3));
    }
    return s;
  }

  @Test
  void aCueIsHeardAfterWhatIsQueuedAheadOfItPlusLatencyAndHeldBackUntilItsTailEnds() {
    VirtualClock clock = new VirtualClock();
    long t0 = clock.nanoTime();
    // a 1 s cue written with 200 ms already queued: it sounds from t0+200 ms to t0+1200 ms
    tap.written(t0, RATE / 5, tone(RATE), 0, RATE);
    // the speaker starts 100 ms later (latency) and the room carries it 300 ms after it ends
    assertFalse(gate.mayEcho(t0, t0 + 300 * MS), "before the cue is heard");
    assertTrue(gate.mayEcho(t0 + 290 * MS, t0 + 310 * MS), "as it starts");
    assertTrue(gate.mayEcho(t0 + 1000 * MS, t0 + 1020 * MS), "while it sounds");
    assertTrue(gate.mayEcho(t0 + 1580 * MS, t0 + 1599 * MS), "in the tail");
    assertFalse(gate.mayEcho(t0 + 1600 * MS, t0 + 1620 * MS), "after the tail");
  }

  @Test
  void silenceTheTimelineWritesBetweenCuesKeepsTheGateOpen() {
    VirtualClock clock = new VirtualClock();
    long t0 = clock.nanoTime();
    short[] quiet = new short[RATE / 50];
    quiet[5] = 40; // dither, below the silence peak
    for (int i = 0; i < 100; i++) {
      tap.written(t0 + i * 20 * MS, 0, quiet, 0, quiet.length);
    }
    assertFalse(gate.mayEcho(t0, t0 + 2000 * MS));
  }

  @Test
  void twoCuesWithAGapShorterThanTheTailHoldTheWholeStretch() {
    long t0 = 0;
    tap.written(t0, 0, tone(RATE / 2), 0, RATE / 2); // 0-500 ms
    tap.written(t0 + 500 * MS, RATE / 10, tone(RATE / 2), 0, RATE / 2); // 600-1100 ms
    assertTrue(gate.mayEcho(t0 + 640 * MS, t0 + 660 * MS), "gap between them, within the tail");
    assertTrue(gate.mayEcho(t0 + 1400 * MS, t0 + 1499 * MS));
    assertFalse(gate.mayEcho(t0 + 1500 * MS, t0 + 1600 * MS));
  }

  @Test
  void aBlockCapturedAcrossTheStartOfTheEchoIsHeldBack() {
    gate.sounding(1000 * MS, 2000 * MS);
    assertTrue(gate.mayEcho(1080 * MS, 1101 * MS));
    assertFalse(gate.mayEcho(1080 * MS, 1100 * MS));
  }

  @Test
  void forgottenSoundNoLongerHoldsAnything() {
    gate.sounding(0, 1000 * MS);
    gate.forgetBefore(1399 * MS);
    assertTrue(gate.mayEcho(1390 * MS, 1395 * MS));
    gate.forgetBefore(1401 * MS);
    assertFalse(gate.mayEcho(0, 1400 * MS));
  }
}
