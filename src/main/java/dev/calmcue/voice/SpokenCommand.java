package dev.calmcue.voice;

/** What a parent can say; the session maps each to the same command a key or the phone sends. */
public enum SpokenCommand {
  READY,
  PAUSE,
  /** "continue" or "resume". */
  RESUME,
  NEXT,
  REPEAT,
  STOP,
  /** "fussy" or "baby is fussy": the calm fussy closing. */
  FUSSY;

  /** Whether the command ends the session: hearing it falsely costs the most. */
  public boolean endsSession() {
    return switch (this) {
      case STOP, FUSSY -> true;
      case READY, PAUSE, RESUME, NEXT, REPEAT -> false;
    };
  }
}
