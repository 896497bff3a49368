package dev.calmcue.history;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What is known about a session when it starts; written to history at once, so a session killed
 * mid-way still shows up (as interrupted).
 *
 * @param planned the planned length of the whole session, prelude included
 * @param stepCount how many steps the routine has
 */
public record SessionStart(
    String sessionId,
    String routineId,
    String routineTitle,
    OffsetDateTime start,
    Duration planned,
    int stepCount,
    RecordedSettings settings) {
  public SessionStart {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(routineId, "routineId");
    Objects.requireNonNull(routineTitle, "routineTitle");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(planned, "planned");
    Objects.requireNonNull(settings, "settings");
    if (sessionId.isBlank()) {
      throw new IllegalArgumentException("sessionId must not be blank");
    }
    if (planned.isNegative() || stepCount < 0) {
      throw new IllegalArgumentException("planned and stepCount must not be negative");
    }
  }

  /** The same start with other settings (a session that switched to text mode on the way). */
  public SessionStart withSettings(RecordedSettings other) {
    return new SessionStart(sessionId, routineId, routineTitle, start, planned, stepCount, other);
  }
}
