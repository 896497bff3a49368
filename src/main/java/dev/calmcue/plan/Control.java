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
  PHONE("tap Ready on the phone", "tap Fussy on the phone");

  private final String answer;
  private final String stop;

  Control(String answer, String stop) {
    this.answer = answer;
    this.stop = stop;
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
