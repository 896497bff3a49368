package dev.calmcue.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live player behaves, apart from what the session says.
 *
 * @param preroll silence written before the first word, so Bluetooth speakers and sleeping USB/HDMI
 *     sinks are awake before speech starts (not used in text mode)
 * @param readyTimeout how long to wait for an answer to "Ready?" before giving up politely
 * @param textSpeed how many times faster than real time text mode runs (1 = real time; tests,
 *     demos)
 */
public record PlayerSettings(Duration preroll, Duration readyTimeout, double textSpeed) {
  public static final Duration DEFAULT_PREROLL = Duration.ofMillis(300);
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(2);

  public PlayerSettings {
    Objects.requireNonNull(preroll, "preroll");
    Objects.requireNonNull(readyTimeout, "readyTimeout");
    if (preroll.isNegative() || readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException("preroll must be >= 0 and ready timeout > 0");
    }
    if (!(textSpeed > 0)) {
      throw new IllegalArgumentException("text speed must be positive, got " + textSpeed);
    }
  }

  public static PlayerSettings defaults() {
    return new PlayerSettings(DEFAULT_PREROLL, DEFAULT_READY_TIMEOUT, 1.0);
  }
}
