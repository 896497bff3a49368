package dev.calmcue.speech;

import java.time.Duration;
import java.util.Arrays;

/**
 * Cuts the silence synthesizers put before and after speech, so a cue starts sounding at the
 * instant the timeline places it. FreeTTS pads every clip with 200-330 ms of near-silence that is
 * not digital zero (a faint hum of its excitation signal, sometimes up to -35 dBFS), so a single
 * amplitude threshold either keeps the hum or clips soft onsets like "f" and "th". Instead this
 * works on short windows with two thresholds: speech is found where a window is clearly loud, then
 * extended outwards while windows stay above the quiet floor, so a soft consonant joined to the
 * loud part is kept and an isolated hum is not. A few milliseconds around the cut are kept and
 * faded, so onsets never click.
 *
 * <p>Immutable and thread-safe.
 */
public final class SilenceTrimmer {
  /**
   * Changes whenever the trimming rule changes; part of every cache key, so clips trimmed by an
   * older rule are not reused.
   */
  public static final int VERSION = 1;

  /**
   * The rule used for all speech: 10 ms windows, loud at -30 dBFS, quiet below -50 dBFS, 10 ms
   * kept.
   */
  public static final SilenceTrimmer SPEECH =
      new SilenceTrimmer(Duration.ofMillis(10), -30, -50, Duration.ofMillis(10));

  private static final double FULL_SCALE = 32768.0;

  private final Duration window;
  private final double loudRms;
  private final double quietRms;
  private final Duration keep;

  /**
   * @param window length of the windows whose RMS level is measured
   * @param loudDbfs a window at or above this level is certainly speech
   * @param quietDbfs a window below this level is silence; between the two, it is kept only when it
   *     touches speech
   * @param keep silence kept (and faded) on each side of the speech, and the length of the fades
   */
  public SilenceTrimmer(Duration window, double loudDbfs, double quietDbfs, Duration keep) {
    if (window.isNegative() || window.isZero() || keep.isNegative()) {
      throw new IllegalArgumentException("window must be positive and keep not negative");
    }
    if (quietDbfs >= loudDbfs || loudDbfs > 0) {
      throw new IllegalArgumentException("need quietDbfs < loudDbfs <= 0");
    }
    this.window = window;
    this.loudRms = FULL_SCALE * Math.pow(10, loudDbfs / 20);
    this.quietRms = FULL_SCALE * Math.pow(10, quietDbfs / 20);
    this.keep = keep;
  }

  /**
   * The speech in {@code pcm} without leading and trailing silence; an empty clip if all is silent.
   */
  public Pcm trim(Pcm pcm) {
    short[] s = pcm.samples();
    int rate = pcm.sampleRate();
    int win = Math.max(1, (int) Math.round(window.toNanos() * rate / 1e9));
    int windows = (s.length + win - 1) / win;
    double[] rms = new double[windows];
    for (int w = 0; w < windows; w++) {
      rms[w] = rms(s, w * win, Math.min(s.length, (w + 1) * win));
    }
    int firstLoud = firstAtLeast(rms, loudRms);
    int lastLoud = lastAtLeast(rms, loudRms);
    if (firstLoud < 0) {
      // No clearly loud part (a whisper, or a clip already made quiet): fall back to the quiet
      // floor.
      firstLoud = firstAtLeast(rms, quietRms);
      lastLoud = lastAtLeast(rms, quietRms);
      if (firstLoud < 0) {
        return new Pcm(rate, new short[0]);
      }
    }
    int first = firstLoud;
    while (first > 0 && rms[first - 1] >= quietRms) {
      first--;
    }
    int last = lastLoud;
    while (last + 1 < windows && rms[last + 1] >= quietRms) {
      last++;
    }
    int pad = (int) Math.round(keep.toNanos() * rate / 1e9);
    int from = Math.max(0, first * win - pad);
    int to = Math.min(s.length, (last + 1) * win + pad);
    short[] out = Arrays.copyOfRange(s, from, to);
    fade(out, pad);
    return new Pcm(rate, out);
  }

  private static double rms(short[] s, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) s[i] * s[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  private static int firstAtLeast(double[] levels, double threshold) {
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] >= threshold) {
        return i;
      }
    }
    return -1;
  }

  private static int lastAtLeast(double[] levels, double threshold) {
    for (int i = levels.length - 1; i >= 0; i--) {
      if (levels[i] >= threshold) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Linear fade-in over the first {@code len} samples and fade-out over the last, from and to zero.
   */
  private static void fade(short[] s, int len) {
    int n = Math.min(len, s.length / 2);
    for (int i = 0; i < n; i++) {
      double g = (double) i / n;
      s[i] = (short) Math.round(s[i] * g);
      s[s.length - 1 - i] = (short) Math.round(s[s.length - 1 - i] * g);
    }
  }
}
