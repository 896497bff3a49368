package dev.calmcue.session;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a {@link Command} came from. Every command reaches the player through one path, {@link
 * SessionPlayer#submit(Command, ControlSource)}, and the source of the command that stopped a
 * session ends up in its outcome and in history ({@code stoppedBy}). A new way to control a session
 * adds a constant here and submits through that same method.
 */
public enum ControlSource {
  /** Single keys at the terminal (and Ctrl-C). */
  KEYBOARD,
  /** The phone page of {@code calmcue serve}. */
  PHONE,
  /** Spoken commands heard by the microphone. */
  VOICE,
  /** calmcue itself: serve shutting down, no keyboard to answer "Ready?". */
  HOST;

  /** The name history and the phone use. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source named by {@link #jsonName()}; empty for an unknown name. */
  public static Optional<ControlSource> ofJsonName(String name) {
    for (ControlSource s : values()) {
      if (s.jsonName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
