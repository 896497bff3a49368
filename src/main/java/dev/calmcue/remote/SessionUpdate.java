package dev.calmcue.remote;

import dev.calmcue.session.SessionEvent;
import java.util.Locale;
import java.util.Objects;

/**
 * One change pushed to the phone: what happened and the state right after it.
 *
 * @param event what the player reported; null for {@link Type#STARTED} and {@link Type#STATE}
 */
public record SessionUpdate(Type type, SessionEvent event, SessionState state) {
  /** What kind of change; {@link #jsonName()} is the event name on the wire. */
  public enum Type {
    /** The whole state, sent to a page as it connects. */
    STATE,
    STARTED,
    STEP,
    CUE,
    PROGRESS,
    PAUSE,
    WAITING,
    TEXTMODE,
    /** The session stood still (the machine was suspended) and went on without a burst. */
    STALL,
    ENDED;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type of an update carrying {@code event}. */
    public static Type of(SessionEvent event) {
      if (event instanceof SessionEvent.StepStarted) {
        return STEP;
      } else if (event instanceof SessionEvent.CueStarted) {
        return CUE;
      } else if (event instanceof SessionEvent.Progress) {
        return PROGRESS;
      } else if (event instanceof SessionEvent.PauseChanged) {
        return PAUSE;
      } else if (event instanceof SessionEvent.WaitingForReady) {
        return WAITING;
      } else if (event instanceof SessionEvent.TextMode) {
        return TEXTMODE;
      } else if (event instanceof SessionEvent.Stalled) {
        return STALL;
      } else if (event instanceof SessionEvent.Ended) {
        return ENDED;
      }
      throw new IllegalArgumentException("unknown session event " + event);
    }
  }

  public SessionUpdate {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
  }
}
