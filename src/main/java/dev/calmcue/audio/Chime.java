package dev.calmcue.audio;

import dev.calmcue.plan.TimelinePlanner;
import dev.calmcue.speech.Pcm;

/**
 * A soft two-note chime between steps: sine tones with a slow attack and a long exponential decay,
 * quiet (-18 dBFS peak) so it never startles a baby.
 */
public final class Chime {
  private Chime() {}

  public static Pcm generate(int sampleRate) {
    // exactly what the planner reserves for it
    int n = (int) SampleTime.sampleAt(TimelinePlanner.CHIME_LENGTH, sampleRate);
    short[] out = new short[n];
    double peak = 32767 * Math.pow(10, -18 / 20.0);
    int second = n / 3;
    for (int i = 0; i < n; i++) {
      double v = note(i, sampleRate, 659.25, n) * 0.6;
      if (i >= second) {
        v += note(i - second, sampleRate, 523.25, n - second) * 0.6;
      }
      out[i] = (short) Math.round(v * peak);
    }
    return new Pcm(sampleRate, out);
  }

  private static double note(int i, int rate, double freq, int len) {
    double t = (double) i / rate;
    double attack = Math.min(1.0, t / 0.03);
    double decay = Math.exp(-4.0 * i / len);
    double fadeOut = Math.min(1.0, (len - i) / (0.02 * rate));
    return Math.sin(2 * Math.PI * freq * t) * attack * decay * fadeOut;
  }
}
