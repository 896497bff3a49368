package dev.calmcue.cli;

import java.time.Duration;

/** Times as people read them on a session: {@code 6:15} for a length, {@code 01:00} for a start time. */
final class ClockText {
  private ClockText() {}

  /** Minutes and seconds, e.g. {@code 6:15}; whole seconds, rounded down. */
  static String length(Duration d) {
    long s = d.toSeconds();
    return String.format("%d:%02d", s / 60, s % 60);
  }

  /** A start time as {@code mm:ss}, e.g. {@code 01:00}. */
  static String start(Duration d) {
    long s = d.toSeconds();
    return String.format("%02d:%02d", s / 60, s % 60);
  }
}
