package dev.calmcue.session;

/**
 * What the parent can ask of a running session, whatever it came from (keys, the phone page,
 * voice); always submitted with its {@link ControlSource}.
 */
public enum Command {
  /** Pause speech at once; resume repeats the current instruction. */
  PAUSE,
  RESUME,
  /** Pause if playing, resume if paused (space bar); answers "Ready?" while it is asked. */
  TOGGLE_PAUSE,
  /** Skip to the next step. */
  NEXT,
  /** Say the current step's instruction again. */
  REPEAT,
  /** End now, with the closing spoken. */
  STOP,
  /** The baby is fussy: stop speech at once, speak a calm closing, record reason {@code fussy}. */
  FUSSY,
  /** Answer to "Ready?" before the steps start. */
  READY
}
