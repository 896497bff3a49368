package dev.calmcue.remote;

import dev.calmcue.session.SessionEvent;
import java.util.Objects;

/**
 * One change pushed to the phone: what happened and the state right after it.
 *
 * @param type the event name on the wire ({@code started}, {@code step}, {@code cue},
 *     {@code progress}, {@code pause}, {@code waiting}, {@code textmode}, {@code ended})
 * @param event what the player reported; null for {@code started}
 */
public record SessionUpdate(String type, SessionEvent event, SessionState state) {
  public SessionUpdate {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
  }
}
