package dev.calmcue.plan;

/**
 * A way the parent can answer "Ready?" and stop a session, as far as this session offers it. The
 * prelude names only what works ({@link SpokenControls}); a new way (a microphone) is one more
 * constant here and one more phrase there.
 */
public enum Control {
  /** Keys at the terminal that runs {@code calmcue play}: space answers, f stops. */
  KEYS,
  /** The phone page of {@code calmcue serve}: its Ready and Fussy buttons. */
  PHONE
}
