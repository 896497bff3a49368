package dev.calmcue.voice;

import dev.calmcue.audio.SampleTime;
import dev.calmcue.speech.Pcm;
import java.time.Duration;

/**
 * "Heard you": a short, soft, rising blip played the moment a spoken command is taken. Unlike the
 * chime (two falling bell notes, 900 ms, between steps) it is one quick upward glide, a fifth of
 * the length and quieter (-24 dBFS peak), so it reads as an answer, not as the next step.
 */
public final class AckSound {
  public static final Duration LENGTH = Duration.ofMillis(160);
  private static final double PEAK_DBFS = -24;

  private AckSound() {}

  public static Pcm generate(int sampleRate) {
    int n = (int) SampleTime.sampleAt(LENGTH, sampleRate);
    short[] out = new short[n];
    double peak = 32767 * Math.pow(10, PEAK_DBFS / 20);
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double x = (double) i / n;
      double freq = 880 * Math.pow(2, 7 / 12.0 * x); // A5 up a fifth
      phase += 2 * Math.PI * freq / sampleRate;
      // raised-cosine envelope: no click at either end
      double env = Math.sin(Math.PI * x);
      out[i] = (short) Math.round(Math.sin(phase) * env * env * peak);
    }
    return new Pcm(sampleRate, out);
  }
}
