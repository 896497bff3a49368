package dev.calmcue.audio;

import java.time.Duration;

/**
 * Converts between timeline durations and sample positions; one rounding rule for play and render.
 */
public final class SampleTime {
  private SampleTime() {}

  /** The sample at which something at {@code at} starts: {@code round(at * rate)}. */
  public static long sampleAt(Duration at, int sampleRate) {
    return Math.round(at.toNanos() * (double) sampleRate / 1e9);
  }

  public static Duration durationOf(long samples, int sampleRate) {
    return Duration.ofNanos(Math.round(samples * 1e9 / sampleRate));
  }
}
