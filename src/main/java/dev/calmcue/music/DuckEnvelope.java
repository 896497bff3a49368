package dev.calmcue.music;

import java.util.Arrays;

/**
 * How loud the bed may be at each sample, 0..1: silent until the music starts, then a fade in; down
 * by {@link #DEPTH_DB} under every cue (the ramp down ends as the cue starts, the ramp up begins as
 * it ends); a fade to silence under the closing. Every change is a raised-cosine ramp, so the gain
 * never steps and the music never clicks.
 */
final class DuckEnvelope {
  /** How far the music goes down under speech: well past the 12 dB that keeps words clear. */
  static final double DEPTH_DB = 18;

  static final double DEPTH = Math.pow(10, -DEPTH_DB / 20);
  static final double ATTACK_SECONDS = 0.3;
  static final double RELEASE_SECONDS = 0.8;
  static final double FADE_IN_SECONDS = 4;

  /** The shortest fade out, if the closing is shorter. */
  static final double FADE_OUT_SECONDS = 3;

  private final long[] starts;
  private final long[] ends;
  private final long attack;
  private final long release;
  private final long musicStart;
  private final long fadeIn;
  private final long fadeOutStart;
  private final long fadeOut;

  /**
   * @param starts first sample of each cue, ascending; cues do not overlap
   * @param ends the sample after each cue's last
   * @param musicStart where the fade in starts
   * @param fadeOutStart where the fade out starts ({@code Long.MAX_VALUE}: never)
   * @param fadeOutEnd where the music has gone
   */
  DuckEnvelope(
      int rate, long[] starts, long[] ends, long musicStart, long fadeOutStart, long fadeOutEnd) {
    this.starts = starts.clone();
    this.ends = ends.clone();
    this.attack = Math.round(ATTACK_SECONDS * rate);
    this.release = Math.round(RELEASE_SECONDS * rate);
    this.musicStart = musicStart;
    this.fadeIn = Math.round(FADE_IN_SECONDS * rate);
    this.fadeOutStart = fadeOutStart;
    long minFade = Math.round(FADE_OUT_SECONDS * rate);
    this.fadeOut =
        fadeOutStart == Long.MAX_VALUE ? 1 : Math.max(minFade, fadeOutEnd - fadeOutStart);
  }

  /** Sets {@code out[0..len)} to the gain at samples {@code [from, from+len)}. */
  void fill(long from, float[] out, int len) {
    Arrays.fill(out, 0, len, 1f);
    long to = from + len;
    // the first cue whose release may still reach `from`; ends ascend as cues do not overlap
    int c = Arrays.binarySearch(ends, from - release);
    c = c >= 0 ? c : -c - 1;
    for (; c < starts.length && starts[c] - attack < to; c++) {
      long s = Math.max(from, starts[c] - attack);
      long e = Math.min(to, ends[c] + release);
      for (long k = s; k < e; k++) {
        int i = (int) (k - from);
        out[i] = (float) Math.min(out[i], duck(k, starts[c], ends[c]));
      }
    }
    if (from >= musicStart + fadeIn && to <= fadeOutStart) {
      return; // between the fades: nothing to scale
    }
    for (int i = 0; i < len; i++) {
      out[i] *= (float) fades(from + i);
    }
  }

  private double duck(long k, long start, long end) {
    if (k < start) {
      return 1 - (1 - DEPTH) * Tones.ramp((double) (k - (start - attack)) / attack);
    }
    if (k < end) {
      return DEPTH;
    }
    return DEPTH + (1 - DEPTH) * Tones.ramp((double) (k - end) / release);
  }

  private double fades(long k) {
    double g = Tones.ramp((double) (k - musicStart) / fadeIn);
    if (k >= fadeOutStart) {
      g *= 1 - Tones.ramp((double) (k - fadeOutStart) / fadeOut);
    }
    return g;
  }
}
