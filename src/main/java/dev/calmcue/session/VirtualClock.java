package dev.calmcue.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when told to, or when someone sleeps on it: sleeping jumps to the
 * deadline.
 */
public final class VirtualClock implements MonotonicClock {
  private final AtomicLong now = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleepUntil(long deadline) {
    now.accumulateAndGet(deadline, Math::max);
  }

  public void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  /** Time since the clock was created. */
  public Duration elapsed() {
    return Duration.ofNanos(now.get());
  }
}
