package dev.calmcue.session;

import java.util.concurrent.locks.LockSupport;

/**
 * Monotonic time for the live session (not {@link java.time.Clock}: no dates, never set back);
 * injected so tests run a 30-minute session on a virtual clock in milliseconds. Only {@code
 * session/} reads a clock.
 */
public interface MonotonicClock {
  /** Nanoseconds from an arbitrary fixed origin, never going backwards. */
  long nanoTime();

  /** Returns once {@link #nanoTime()} has reached {@code deadline} (at once if it already has). */
  void sleepUntil(long deadline);

  /** The machine's monotonic clock ({@link System#nanoTime()}). */
  static MonotonicClock system() {
    return SystemClock.INSTANCE;
  }

  /** {@link System#nanoTime()} with parking sleeps. */
  final class SystemClock implements MonotonicClock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepUntil(long deadline) {
      // park may return early (spurious wake-up, interrupt): loop on the absolute deadline
      for (long left = deadline - System.nanoTime();
          left > 0;
          left = deadline - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    }
  }
}
