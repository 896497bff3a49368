package dev.calmcue.music;

/**
 * A small additive synthesiser: every sound is a few decaying sine partials, so the spectrum holds
 * only the partials asked for (no sampled noise, no aliasing: partials at or above half the sample
 * rate are left out) and every sound starts and ends on a raised-cosine ramp, so no note clicks.
 */
final class Tones {
  /** Attack of a music-box note: quick enough to sound plucked, slow enough not to click. */
  static final double ATTACK_SECONDS = 0.004;

  /** The last part of every sound fades to exactly zero. */
  static final double END_FADE_SECONDS = 0.08;

  private Tones() {}

  /** Frequency of a MIDI note number (69 = A4 = 440 Hz). */
  static double hertz(int midi) {
    return 440.0 * Math.pow(2, (midi - 69) / 12.0);
  }

  /** The sound of {@code timbre} at {@code midi}, peak about 1, as floats at {@code rate}. */
  static float[] render(Timbre timbre, int midi, int rate) {
    double f = hertz(midi);
    return switch (timbre) {
      // Upper notes of a music box ring shorter than lower ones.
      case MUSIC_BOX -> {
        double decay = 1.0 * Math.sqrt(523.0 / f);
        yield partials(
            rate,
            2.2,
            ATTACK_SECONDS,
            f,
            0.0,
            new double[] {1, 2, 3, 6.27},
            new double[] {1.0, 0.16, 0.05, 0.025},
            new double[] {decay, decay * 0.45, decay * 0.3, 0.08});
      }
      // Gone before the next bar even at the quickest pace: one clear mark a stroke.
      case BASS ->
          partials(
              rate,
              1.4,
              0.015,
              f,
              0.0,
              new double[] {1, 2},
              new double[] {1.0, 0.25},
              new double[] {0.35, 0.2});
      case TICK ->
          partials(
              rate,
              0.45,
              0.003,
              f,
              0.25,
              new double[] {1, 2, 3},
              new double[] {1.0, 0.3, 0.08},
              new double[] {0.09, 0.05, 0.03});
    };
  }

  /**
   * Sums partials {@code ratio[i] * f} of amplitude {@code amp[i]} decaying with time constant
   * {@code decay[i]} seconds; {@code glide} lowers the pitch by that fraction over the first 80 ms.
   */
  private static float[] partials(
      int rate,
      double seconds,
      double attack,
      double f,
      double glide,
      double[] ratio,
      double[] amp,
      double[] decay) {
    int n = (int) Math.round(seconds * rate);
    int attackN = Math.max(1, (int) Math.round(attack * rate));
    int fadeN = (int) Math.round(END_FADE_SECONDS * rate);
    float[] out = new float[n];
    double norm = 0;
    for (double a : amp) {
      norm += a;
    }
    for (int p = 0; p < ratio.length; p++) {
      if (ratio[p] * f >= rate / 2.0 * 0.9) {
        continue; // would alias, or sit where no speaker reproduces it
      }
      double phase = 0;
      double perSample = Math.exp(-1.0 / (decay[p] * rate));
      double level = amp[p] / norm;
      for (int i = 0; i < n; i++) {
        double t = (double) i / rate;
        double bend = glide == 0 ? 1 : 1 - glide * Math.min(1, t / 0.08);
        phase += 2 * Math.PI * ratio[p] * f * bend / rate;
        out[i] += (float) (level * Math.sin(phase));
        level *= perSample;
      }
    }
    for (int i = 0; i < n; i++) {
      double g = 1;
      if (i < attackN) {
        g = ramp((double) i / attackN);
      }
      if (i >= n - fadeN) {
        g *= ramp((double) (n - 1 - i) / fadeN);
      }
      out[i] *= (float) g;
    }
    return out;
  }

  /** Raised-cosine 0..1 over {@code x} in 0..1: zero slope at both ends. */
  static double ramp(double x) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    return 0.5 - 0.5 * Math.cos(Math.PI * x);
  }
}
