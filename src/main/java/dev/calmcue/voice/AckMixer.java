package dev.calmcue.voice;

import dev.calmcue.session.OutputMixer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lays the acknowledgement blip over the session's output the moment a command is taken, over
 * speech or silence, without moving any cue. Keyed on the output clock: when a command cuts the
 * sound short and the output is set back before the blip began (the blip was still in the line's
 * buffer, unheard), it starts again at once; set back into its middle, only its unheard rest plays.
 */
public final class AckMixer implements OutputMixer {
  private final short[] blip;
  private final AtomicInteger requested = new AtomicInteger();
  // Writer thread only: the output sample the current blip starts at, or -1 before the first.
  private long start = -1;

  public AckMixer(int sampleRate) {
    this.blip = AckSound.generate(sampleRate).samples();
  }

  /** Plays the blip with the next block (after one already sounding). Thread-safe. */
  public void play() {
    requested.incrementAndGet();
  }

  @Override
  public void mix(long at, short[] block, int length, long queuedAhead, long nowNanos) {
    if (start >= 0 && at < start) {
      start = at; // set back before the blip began: nobody heard it yet
    }
    boolean idle = start < 0 || at >= start + blip.length;
    if (idle && requested.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      start = at;
    }
    if (start < 0) {
      return;
    }
    for (int i = 0; i < length; i++) {
      long k = at + i - start;
      if (k >= blip.length) {
        return;
      }
      if (k >= 0) {
        block[i] =
            (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, block[i] + blip[(int) k]));
      }
    }
  }
}
