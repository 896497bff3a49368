package dev.calmcue.speech;

import java.util.Random;

/** Generated test audio: tones, silence and noise of exact lengths and levels. */
final class Clips {
  private Clips() {}

  static short[] silence(int rate, int millis) {
    return new short[samples(rate, millis)];
  }

  /** A sine tone at {@code dbfs} peak level. */
  static short[] tone(int rate, int millis, double dbfs, double hz) {
    short[] s = new short[samples(rate, millis)];
    double peak = 32767 * Math.pow(10, dbfs / 20);
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(peak * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  /** White noise at roughly {@code dbfs} RMS; seeded, so every run gets the same samples. */
  static short[] noise(int rate, int millis, double dbfs, long seed) {
    Random r = new Random(seed);
    short[] s = new short[samples(rate, millis)];
    double rms = 32767 * Math.pow(10, dbfs / 20);
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(r.nextGaussian() * rms);
    }
    return s;
  }

  static short[] concat(short[]... parts) {
    int n = 0;
    for (short[] p : parts) {
      n += p.length;
    }
    short[] out = new short[n];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static int samples(int rate, int millis) {
    return (int) ((long) rate * millis / 1000);
  }

  static double millis(Pcm pcm) {
    return pcm.length() * 1000.0 / pcm.sampleRate();
  }

  /** Length of the leading run of samples no louder than {@code level}, in milliseconds. */
  static double leadingQuietMillis(Pcm pcm, int level) {
    short[] s = pcm.samples();
    int i = 0;
    while (i < s.length && Math.abs(s[i]) <= level) {
      i++;
    }
    return i * 1000.0 / pcm.sampleRate();
  }

  /** Length of the trailing run of samples no louder than {@code level}, in milliseconds. */
  static double trailingQuietMillis(Pcm pcm, int level) {
    short[] s = pcm.samples();
    int i = s.length - 1;
    while (i >= 0 && Math.abs(s[i]) <= level) {
      i--;
    }
    return (s.length - 1 - i) * 1000.0 / pcm.sampleRate();
  }
}
