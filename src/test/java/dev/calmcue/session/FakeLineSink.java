package dev.calmcue.session;

import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.MemorySink;
import java.util.ArrayList;
import java.util.List;

/**
 * A sound card on a virtual clock: it plays queued samples in real time, holds at most {@code
 * capacity} of them (a write waits for room, as a javax.sound line does), and when it runs dry it
 * simply waits for more, so everything after the gap plays late. It remembers when each sample was
 * heard. A stall makes one write late, like a writer thread the machine did not run for a while.
 */
final class FakeLineSink implements AudioSink {
  private final VirtualClock clock;
  private final int rate;
  private final int capacity;
  private final MemorySink memory;
  private final List<long[]> chunks = new ArrayList<>(); // {first sample index, heard at (ns)}
  private long queueEnd = Long.MIN_VALUE;
  private long stallAt = Long.MAX_VALUE;
  private long stallNanos;
  private long restartNanos;
  long gapNanos;

  FakeLineSink(VirtualClock clock, int rate, int capacity) {
    this.clock = clock;
    this.rate = rate;
    this.capacity = capacity;
    this.memory = new MemorySink(rate);
  }

  /**
   * After its buffer is dropped the device needs {@code millis} before it plays again (PulseAudio
   * does).
   */
  FakeLineSink restartAfterDiscard(long millis) {
    restartNanos = millis * 1_000_000L;
    return this;
  }

  /** The write that reaches {@code sample} comes {@code millis} late. */
  FakeLineSink stallAt(long sample, long millis) {
    stallAt = sample;
    stallNanos = millis * 1_000_000L;
    return this;
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public void write(short[] samples, int offset, int length) {
    if (memory.length() + length > stallAt) {
      clock.advance(java.time.Duration.ofNanos(stallNanos));
      stallAt = Long.MAX_VALUE;
    }
    if (queueEnd == Long.MIN_VALUE) {
      queueEnd = clock.nanoTime(); // starts playing with the first write
    }
    clock.sleepUntil(queueEnd - nanos(capacity - length)); // wait for room
    long now = clock.nanoTime();
    if (now > queueEnd) {
      gapNanos += now - queueEnd; // ran dry: silence nobody asked for
    }
    long start = Math.max(now, queueEnd);
    chunks.add(new long[] {memory.length(), start});
    memory.write(samples, offset, length);
    queueEnd = start + nanos(length);
  }

  @Override
  public long bufferedSamples() {
    long left = queueEnd - clock.nanoTime();
    return left <= 0 ? 0 : Math.round(left * (double) rate / 1e9);
  }

  @Override
  public void discardBuffered() {
    // nothing queued any more; the next sound starts no sooner than the device's restart
    queueEnd = Math.min(queueEnd, clock.nanoTime()) + restartNanos;
  }

  @Override
  public void drain() {
    clock.sleepUntil(queueEnd);
  }

  @Override
  public void close() {}

  short[] samples() {
    return memory.samples();
  }

  /** When sample {@code index} of the recording was heard, in ns of the virtual clock. */
  long heardAt(long index) {
    long[] c = null;
    for (long[] x : chunks) {
      if (x[0] > index) {
        break;
      }
      c = x;
    }
    return c[1] + nanos(index - c[0]);
  }

  private long nanos(long samples) {
    return Math.round(samples * 1e9 / rate);
  }
}
