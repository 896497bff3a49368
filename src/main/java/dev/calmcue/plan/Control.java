package dev.calmcue.plan;

/**
 * A way the parent can answer "Ready?" and stop a session, as far as this session offers it. The
 * prelude names only what works ({@link SpokenControls}), so a new way (a microphone listening for
 * "ready") is one more constant here with its two phrases.
 */
public enum Control {
  /** Keys at the terminal that runs {@code calmcue play}: space answers, f stops. */
  KEYS("press space", "press f"),
  /** The phone page of {@code calmcue serve}: its Ready and Fussy buttons. */
  PHONE("tap Ready on the phone", "tap Fussy on the phone"),
  /** Spoken commands ({@code --listen}), behind the wake phrase. */
  VOICE("say: calm cue, ready", "say: calm cue, baby is fussy"),
  /** Spoken commands with {@code --wake-word off}. */
  VOICE_NO_WAKE_WORD("say: ready", "say: baby is fussy");

  private final String answer;
  private final String stop;

  Control(String answer, String stop) {
    this.answer = answer;
    this.stop = stop;
  }

  /** Whether this is a spoken command: the session listens to its microphone. */
  public boolean isSpoken() {
    return switch (this) {
      case VOICE, VOICE_NO_WAKE_WORD -> true;
      case KEYS, PHONE -> false;
    };
  }

  /** How to answer "Ready?" this way, to follow "To begin, ". */
  public String answer() {
    return answer;
  }

  /** How to stop the session gently this way, to follow "To stop at any time, ". */
  public String stop() {
    return stop;
  }
}
