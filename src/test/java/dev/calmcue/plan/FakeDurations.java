package dev.calmcue.plan;

import java.time.Duration;

/** Speech that takes a fixed time per character, like a steady 150 words a minute. */
final class FakeDurations implements CueDurations {
  private final long millisPerChar;

  FakeDurations(long millisPerChar) {
    this.millisPerChar = millisPerChar;
  }

  static FakeDurations typical() {
    return new FakeDurations(60);
  }

  @Override
  public Duration spokenLength(String text) {
    // an odd sub-millisecond part, as real sample counts give
    return Duration.ofMillis(text.length() * millisPerChar).plusNanos(62_500);
  }
}
