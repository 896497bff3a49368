package dev.calmcue.music;

import java.util.Arrays;

/**
 * The stroke pace over the session's samples: each step's own pace, with a smooth (raised-cosine)
 * change over {@link #CHANGE_SECONDS} from where a step starts, and the first step's pace before
 * it.
 */
final class StrokeClock {
  /** Long enough to be felt as easing into the new movement, short against any step (>= 5 s). */
  static final double CHANGE_SECONDS = 4.0;

  private final int rate;
  private final long[] stepStarts;
  private final int[] paces;
  private final long change;

  /**
   * @param stepStarts first sample of each step, ascending
   * @param paces strokes per minute of each step
   */
  StrokeClock(int rate, long[] stepStarts, int[] paces) {
    if (stepStarts.length == 0 || stepStarts.length != paces.length) {
      throw new IllegalArgumentException("one pace per step, and at least one step");
    }
    this.rate = rate;
    this.stepStarts = stepStarts.clone();
    this.paces = paces.clone();
    this.change = Math.round(CHANGE_SECONDS * rate);
  }

  /** Strokes per minute at {@code sample}. */
  double paceAt(long sample) {
    int i = Arrays.binarySearch(stepStarts, sample);
    int step = i >= 0 ? i : Math.max(0, -i - 2);
    double pace = paces[step];
    long into = sample - stepStarts[step];
    if (step > 0 && into >= 0 && into < change) {
      double before = paces[step - 1];
      pace = before + (pace - before) * Tones.ramp((double) into / change);
    }
    return pace;
  }

  /** Finds where strokes fall, in order, from stroke 0 at {@code start}. */
  Walker walkFrom(long start) {
    return new Walker(start);
  }

  /** Integrates the pace in 10 ms steps, interpolating within one; asked in ascending order. */
  final class Walker {
    private final long grid = Math.max(1, rate / 100);
    private long at;
    private double phase;
    private double next;

    private Walker(long start) {
      this.at = start;
      this.next = advance();
    }

    private double advance() {
      return phase + paceAt(at + grid / 2) / 60.0 * grid / rate;
    }

    /** The sample at which stroke position {@code stroke} (not below the last asked) falls. */
    long onsetOf(double stroke) {
      while (stroke >= next) {
        phase = next;
        at += grid;
        next = advance();
      }
      return at + Math.round((Math.max(stroke, phase) - phase) / (next - phase) * grid);
    }
  }
}
