package dev.calmcue.speech;

import java.time.Duration;

/**
 * Mono 16-bit signed audio in memory. Samples are Java shorts, so byte order is decided only where
 * bytes are written (a line, a WAV file, the cache).
 */
public record Pcm(int sampleRate, short[] samples) {
  public Pcm {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
  }

  public int length() {
    return samples.length;
  }

  public Duration duration() {
    return Duration.ofNanos(Math.round(samples.length * 1e9 / sampleRate));
  }
}
