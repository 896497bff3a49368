package dev.calmcue.voice;

import dev.calmcue.session.OutputMixer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps calmcue from obeying its own voice. The player reports when its sound will be heard (it
 * knows exactly which samples it writes and how much is queued in the line ahead of them); the
 * microphone side asks whether what it captured over a stretch of time may be that sound: anything
 * heard while a cue sounds, plus the device's output latency, plus a tail for the room's echo.
 *
 * <p>Pure logic over one monotonic clock (nanoseconds), so tests drive it with a virtual one.
 * Thread-safe: the player writes, the listener reads.
 */
public final class EchoGate {
  private final long latency;
  private final long tail;

  /** Sounding stretches, oldest first, merged when they touch. [0] from, [1] to. */
  private final Deque<long[]> sounding = new ArrayDeque<>();

  /**
   * @param latency how long after a sample leaves the line's buffer it comes out of the speaker
   *     (the device and sound server; the line's own buffer is the player's to report)
   * @param tail how long after that the room and the microphone may still carry it
   */
  public EchoGate(Duration latency, Duration tail) {
    if (latency.isNegative() || tail.isNegative()) {
      throw new IllegalArgumentException("latency and tail must not be negative");
    }
    this.latency = latency.toNanos();
    this.tail = tail.toNanos();
  }

  /** The player's own sound is heard from {@code fromNanos} to {@code toNanos} (before latency). */
  public synchronized void sounding(long fromNanos, long toNanos) {
    if (toNanos <= fromNanos) {
      return;
    }
    long[] last = sounding.peekLast();
    if (last != null && fromNanos <= last[1]) {
      last[1] = Math.max(last[1], toNanos);
      last[0] = Math.min(last[0], fromNanos);
      return;
    }
    sounding.addLast(new long[] {fromNanos, toNanos});
  }

  /** Whether sound captured from {@code fromNanos} to {@code toNanos} may be the player's own. */
  public synchronized boolean mayEcho(long fromNanos, long toNanos) {
    for (long[] s : sounding) {
      if (s[0] + latency < toNanos && fromNanos < s[1] + latency + tail) {
        return true;
      }
    }
    return false;
  }

  /** Forgets sound that can no longer reach the microphone after {@code nowNanos}. */
  public synchronized void forgetBefore(long nowNanos) {
    while (!sounding.isEmpty() && sounding.peekFirst()[1] + latency + tail < nowNanos) {
      sounding.pollFirst();
    }
  }

  /**
   * Feeds a gate from what a player writes to its line: added to the player last, it sees every
   * block as it will sound, with how much is already queued ahead of it: the block is heard that
   * much later. Silent blocks (the timeline's gaps) keep the gate open.
   */
  public static final class PlaybackTap implements OutputMixer {
    /** Below this peak a block is silence for the gate (dither, a faded tail). */
    static final int SILENT_PEAK = 64;

    private final EchoGate gate;
    private final int sampleRate;

    public PlaybackTap(EchoGate gate, int sampleRate) {
      this.gate = gate;
      this.sampleRate = sampleRate;
    }

    @Override
    public void mix(long at, short[] block, int length, long queuedAhead, long nowNanos) {
      written(nowNanos, queuedAhead, block, 0, length);
    }

    /**
     * @param nowNanos the player's clock when the block was handed to the line
     * @param queuedAhead samples already in the line, not yet heard, ahead of this block
     */
    public void written(long nowNanos, long queuedAhead, short[] block, int offset, int length) {
      int peak = 0;
      for (int i = offset; i < offset + length; i++) {
        peak = Math.max(peak, Math.abs(block[i]));
      }
      if (peak < SILENT_PEAK) {
        return;
      }
      long from = nowNanos + queuedAhead * 1_000_000_000L / sampleRate;
      long to = from + (long) length * 1_000_000_000L / sampleRate;
      gate.sounding(from, to);
      gate.forgetBefore(nowNanos - 60_000_000_000L);
    }
  }
}
