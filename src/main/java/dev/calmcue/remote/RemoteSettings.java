package dev.calmcue.remote;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the remote server behaves apart from where it listens.
 *
 * @param heartbeat how often an idle event stream gets a keep-alive comment
 * @param maxPages most event streams open at once (each holds a writer thread)
 * @param log where internal failures are noted (one line each, never sent to the phone)
 */
public record RemoteSettings(Duration heartbeat, int maxPages, Consumer<String> log) {
  /** Largest request body accepted. */
  public static final int MAX_BODY = 64 * 1024;

  public RemoteSettings {
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(log, "log");
    if (heartbeat.isNegative() || heartbeat.isZero() || maxPages < 1) {
      throw new IllegalArgumentException("heartbeat must be positive and maxPages >= 1");
    }
  }

  public static RemoteSettings defaults(Consumer<String> log) {
    return new RemoteSettings(Duration.ofSeconds(15), 16, log);
  }
}
