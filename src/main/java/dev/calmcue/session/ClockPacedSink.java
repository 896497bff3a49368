package dev.calmcue.session;

import dev.calmcue.audio.AudioSink;

/**
 * The sink of text mode: it plays nothing but takes samples exactly as fast as a sound card would,
 * by the injected clock, so a session without a device still runs on time. Each write waits for the
 * absolute deadline of its first sample, counted from the first write, so waiting errors never add
 * up.
 */
public final class ClockPacedSink implements AudioSink {
  private final MonotonicClock clock;
  private final int sampleRate;
  private final double speed;
  private long origin = Long.MIN_VALUE;
  private long written;

  /**
   * @param speed how many times faster than real time (1 = real time; tests and demos use more)
   */
  public ClockPacedSink(MonotonicClock clock, int sampleRate, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, got " + speed);
    }
    this.clock = clock;
    this.sampleRate = sampleRate;
    this.speed = speed;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public void write(short[] samples, int offset, int length) {
    if (origin == Long.MIN_VALUE) {
      origin = clock.nanoTime();
    }
    clock.sleepUntil(origin + Math.round(written * 1e9 / sampleRate / speed));
    written += length;
  }

  /** Waits until the last sample written would have been heard. */
  @Override
  public void drain() {
    if (origin != Long.MIN_VALUE) {
      clock.sleepUntil(origin + Math.round(written * 1e9 / sampleRate / speed));
    }
  }

  @Override
  public void close() {}
}
