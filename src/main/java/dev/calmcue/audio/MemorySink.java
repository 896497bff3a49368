package dev.calmcue.audio;

import java.util.Arrays;

/**
 * Keeps every sample written, in order; for tests and for anything that wants the session in
 * memory.
 */
public final class MemorySink implements AudioSink {
  private final int sampleRate;
  private short[] samples = new short[1 << 16];
  private int length;
  private boolean closed;

  public MemorySink(int sampleRate) {
    this.sampleRate = sampleRate;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public void write(short[] buf, int offset, int len) {
    if (closed) {
      throw new IllegalStateException("sink is closed");
    }
    if (length + len > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + len));
    }
    System.arraycopy(buf, offset, samples, length, len);
    length += len;
  }

  /** How many samples were written. */
  public int length() {
    return length;
  }

  /** A copy of everything written. */
  public short[] samples() {
    return Arrays.copyOf(samples, length);
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
