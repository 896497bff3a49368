package dev.calmcue.session;

/**
 * Makes up for underruns: the line ran dry (the machine was too busy to feed it) and every later
 * cue would be late by the gap. The gap is measured against the monotonic clock and becomes a debt
 * of samples, taken back out of the next stretch of silence, so lateness never accumulates over a
 * long session. A sound card whose clock runs a little fast or slow is not an underrun: its samples
 * are the session's time. Writer thread only.
 */
final class UnderrunGuard {
  private static final int BLOCKS = 4;
  private static final long THRESHOLD_NS = 20_000_000L;

  private final int rate;

  /** Samples of silence still to leave out. */
  private long debt;

  /** Samples of silence left out so far. */
  private long dropped;

  private final long[] blockMin = new long[BLOCKS];
  private int blocks;
  private long blockStartOut = -1;
  private long currentMin = Long.MAX_VALUE;
  private long watchFrom;

  UnderrunGuard(int rate) {
    this.rate = rate;
  }

  /** Samples of silence still to leave out. */
  long debt() {
    return debt;
  }

  /** {@code samples} of silence were left out. */
  void repaid(long samples) {
    debt -= samples;
    dropped += samples;
  }

  /**
   * After the line's buffer was dropped the device takes a moment to start again; that pause is
   * part of acting on the command (what follows is planned from now), not an underrun to make up
   * for.
   */
  void restart(long written) {
    debt = 0;
    blocks = 0;
    currentMin = Long.MAX_VALUE;
    blockStartOut = -1;
    watchFrom = written + rate / 2;
  }

  /** True once the line has run long enough since it (re)started for a gap to mean an underrun. */
  boolean watching(long written) {
    return written >= watchFrom;
  }

  /**
   * Takes one measurement after a write.
   *
   * @param written output samples written so far
   * @param heard output samples heard so far
   * @param nowNanos the monotonic clock now
   */
  void watch(long written, long heard, long nowNanos) {
    if (!watching(written) || heard < rate) {
      return; // the line is still starting up
    }
    // when output sample 0 would have been heard, judging by this moment; only ever later than the
    // truth (positions are reported late, never early), so the minimum over a block is the estimate
    long origin = nowNanos - Math.round((heard + dropped) * 1e9 / rate);
    currentMin = Math.min(currentMin, origin);
    if (blockStartOut < 0) {
      blockStartOut = written;
    }
    if (written - blockStartOut < rate / 2) {
      return;
    }
    long baseline = Long.MAX_VALUE;
    for (int i = 0; i < Math.min(blocks, BLOCKS); i++) {
      baseline = Math.min(baseline, blockMin[i]);
    }
    if (blocks >= 2 && currentMin - baseline > THRESHOLD_NS) {
      debt += Math.round((currentMin - baseline) * rate / 1e9);
      blocks = 0; // start over: the samples left out will move the origin back
    } else {
      blockMin[blocks % BLOCKS] = currentMin;
      blocks++;
    }
    currentMin = Long.MAX_VALUE;
    blockStartOut = written;
  }
}
