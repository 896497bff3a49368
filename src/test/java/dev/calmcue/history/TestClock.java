package dev.calmcue.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves by hand. */
final class TestClock extends Clock {
  private Instant now;
  private final ZoneId zone;

  TestClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  void set(Instant t) {
    now = t;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new TestClock(now, z);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
