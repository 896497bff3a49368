package dev.calmcue.audio;

import dev.calmcue.speech.Pcm;

/**
 * Loudness by scaling samples (FreeTTS ignores its own volume setting when we collect its audio).
 */
public final class Volume {
  private final double gain;

  /**
   * @param percent 0..100
   */
  public Volume(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("volume must be 0..100, got " + percent);
    }
    // Perceived loudness is roughly logarithmic: map 0..100 onto -40..0 dB, with 0 = silent.
    this.gain = percent == 0 ? 0.0 : Math.pow(10, (percent - 100) * 0.4 / 20.0);
  }

  public double gain() {
    return gain;
  }

  public Pcm apply(Pcm pcm) {
    if (gain == 1.0) {
      return pcm;
    }
    short[] in = pcm.samples();
    short[] out = new short[in.length];
    for (int i = 0; i < in.length; i++) {
      long v = Math.round(in[i] * gain);
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
    return new Pcm(pcm.sampleRate(), out);
  }
}
