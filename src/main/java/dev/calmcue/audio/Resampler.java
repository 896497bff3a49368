package dev.calmcue.audio;

import dev.calmcue.speech.Pcm;

/**
 * Band-limited sample-rate conversion between two fixed rates: a polyphase windowed-sinc filter
 * (Kaiser window, about 90 dB stop band, pass band flat to 90% of the lower Nyquist frequency).
 *
 * <p>Timing rule: output sample {@code k} is the signal at input time {@code k * inRate / outRate};
 * the filter is symmetric, so nothing is delayed. A clip of {@code n} samples becomes {@link
 * #outputLength(long) ceil(n * outRate / inRate)} samples. Render converts each cue's clip (not the
 * whole stream) and then places it at {@code round(at * outRate)}, so onsets stay sample-exact at
 * every output rate.
 */
public final class Resampler {
  /** Filter half-width in zero crossings of the sinc; 32 gives ~90 dB with the transition below. */
  private static final int HALF_WIDTH = 32;

  /** Pass band edge as a share of the lower Nyquist frequency; the rest is the transition band. */
  private static final double ROLLOFF = 0.90;

  private static final double KAISER_BETA = 9.0;

  private final int inRate;
  private final int outRate;

  /** Output step is {@code down/up} input samples (the rate ratio in lowest terms). */
  private final int up;

  private final int down;

  /** Taps per phase; each phase covers input samples {@code n - taps/2 + 1 .. n + taps/2}. */
  private final int taps;

  /** {@code table[p][j]}: weight of input sample {@code n - taps/2 + 1 + j} for output phase p. */
  private final float[][] table;

  public Resampler(int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0) {
      throw new IllegalArgumentException("rates must be positive: " + inRate + " -> " + outRate);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    int g = gcd(inRate, outRate);
    this.up = outRate / g;
    this.down = inRate / g;
    // Downsampling must cut below the *output* Nyquist frequency: a proportionally wider kernel.
    double scale = Math.min(1.0, (double) up / down);
    double cutoff = 0.5 * ROLLOFF * scale; // cycles per input sample
    int half = (int) Math.ceil(HALF_WIDTH / scale);
    this.taps = 2 * half;
    this.table = new float[up][taps];
    for (int p = 0; p < up; p++) {
      double frac = (double) p / up; // output position is n + frac input samples
      double sum = 0;
      double[] w = new double[taps];
      for (int j = 0; j < taps; j++) {
        double t = (j - half + 1) - frac; // distance of this input sample from the output position
        w[j] = 2 * cutoff * sinc(2 * cutoff * t) * kaiser(t / half);
        sum += w[j];
      }
      for (int j = 0; j < taps; j++) {
        table[p][j] = (float) (w[j] / sum); // unity gain at DC in every phase
      }
    }
  }

  public int inRate() {
    return inRate;
  }

  public int outRate() {
    return outRate;
  }

  /** How many output samples {@code n} input samples become: {@code ceil(n * outRate / inRate)}. */
  public long outputLength(long n) {
    return (n * up + down - 1) / down;
  }

  /** Converts a clip; the clip must be at {@link #inRate()}. */
  public Pcm apply(Pcm pcm) {
    if (pcm.sampleRate() != inRate) {
      throw new IllegalArgumentException(
          "clip is at " + pcm.sampleRate() + " Hz, this resampler takes " + inRate + " Hz");
    }
    if (inRate == outRate) {
      return pcm;
    }
    return new Pcm(outRate, resample(pcm.samples()));
  }

  /** Converts samples at {@link #inRate()} to {@link #outRate()}; silence is assumed outside. */
  public short[] resample(short[] in) {
    int n = in.length;
    short[] out = new short[Math.toIntExact(outputLength(n))];
    int half = taps / 2;
    for (int k = 0; k < out.length; k++) {
      long pos = (long) k * down;
      int base = (int) (pos / up) - half + 1;
      float[] w = table[(int) (pos % up)];
      int j0 = Math.max(0, -base);
      int j1 = Math.min(taps, n - base);
      double acc = 0;
      for (int j = j0; j < j1; j++) {
        acc += w[j] * in[base + j];
      }
      long v = Math.round(acc);
      out[k] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
    return out;
  }

  private static double sinc(double x) {
    if (Math.abs(x) < 1e-12) {
      return 1.0;
    }
    return Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Kaiser window over {@code x} in [-1, 1]. */
  private static double kaiser(double x) {
    if (Math.abs(x) >= 1) {
      return 0;
    }
    return besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
  }

  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 50; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
