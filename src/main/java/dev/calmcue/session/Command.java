package dev.calmcue.session;

/** What the parent can ask of a running session, from keys, the phone page or voice. */
public sealed interface Command {
  /** Pause speech at once; resume repeats the current instruction. */
  record Pause() implements Command {}

  record Resume() implements Command {}

  /** Pause if playing, resume if paused (space bar). */
  record TogglePause() implements Command {}

  /** Skip to the next step. */
  record Next() implements Command {}

  /** Say the current step's instruction again. */
  record Repeat() implements Command {}

  /** End now, with the closing spoken. */
  record Stop() implements Command {}

  /** The baby is fussy: stop speech at once, speak a calm closing, record reason {@code fussy}. */
  record Fussy() implements Command {}

  /** Answer to "Ready?" before the steps start. */
  record Ready() implements Command {}
}
