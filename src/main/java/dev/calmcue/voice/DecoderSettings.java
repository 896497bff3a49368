package dev.calmcue.voice;

/**
 * How the recognizer searches and segments. The defaults are what measured best here (see
 * docs/benchmarks.md); each is explained where it matters.
 *
 * @param relativeBeam pruning beam relative to the best token. Very wide (1e-300): the grammar and
 *     the out-of-grammar loop must both survive to the end of the utterance, or they prune each
 *     other and the margin means nothing.
 * @param outOfGrammarProbability how likely the out-of-grammar branch is a priori (1: no penalty)
 * @param phoneInsertionProbability cost of each phone in the out-of-grammar loop; lower makes long
 *     sentences more expensive for the loop, so more of them come out as commands
 * @param speechThreshold energy over the background, in dB, above which a frame is speech (Sphinx's
 *     default 13 missed short words in noise)
 * @param speechLeaderMs silence kept before and after each utterance
 * @param endSilenceMs silence that ends an utterance: the floor of the time from the end of a word
 *     to its action
 */
public record DecoderSettings(
    double relativeBeam,
    double outOfGrammarProbability,
    double phoneInsertionProbability,
    double speechThreshold,
    int speechLeaderMs,
    int endSilenceMs) {
  public static final DecoderSettings DEFAULT = new DecoderSettings(1e-300, 1, 1e-10, 10, 250, 400);

  /**
   * For bare command words (--wake-word off): a more sensitive endpointer, since a lone "next" or
   * "stop" in noise often never rose 10 dB over the background and was never cut out as an
   * utterance (measured: 81% to 85% of commands, and no more false ones; with the wake word it
   * changed nothing beyond the noise).
   */
  public static final DecoderSettings BARE_WORDS =
      new DecoderSettings(1e-300, 1, 1e-10, 7, 250, 400);

  /** The settings measured best with or without the wake phrase. */
  public static DecoderSettings forWakeWord(boolean wakeWord) {
    return wakeWord ? DEFAULT : BARE_WORDS;
  }
}
