package dev.calmcue.voice;

import java.util.Optional;

/**
 * Decides whether an utterance is a command: exactly one phrase of the grammar, a clear win over
 * the out-of-grammar loop, short but not too short for its words, every word really said (a "cue"
 * not squeezed in, no word laid over silence), and clear of the player's own sound (with the
 * silence before and after it that the endpointer needs to cut it out of the stream).
 */
public final class CommandAcceptor {
  private final CommandGrammar grammar;
  private final ListenSettings settings;

  public CommandAcceptor(ListenSettings settings) {
    this.settings = settings;
    this.grammar = CommandGrammar.of(settings.wakeWord());
  }

  public CommandGrammar grammar() {
    return grammar;
  }

  /** Why an utterance was not taken, for the mic check and the benchmark. */
  public enum Verdict {
    COMMAND,
    NOT_IN_GRAMMAR,
    WEAK_MARGIN,
    TOO_LONG,
    TOO_SHORT,
    /** The wake phrase's "cue" was squeezed into less time than anyone says it in. */
    CUE_TOO_SHORT,
    /** One word is far fainter than the others: the room, not a word. */
    FAINT_WORD,
    ECHO
  }

  public record Decision(Verdict verdict, Optional<SpokenCommand> command) {}

  /**
   * @param overlapsEcho whether the utterance overlaps audio the echo gate held back
   */
  public Decision decide(Hypothesis h, boolean overlapsEcho) {
    Optional<SpokenCommand> c = grammar.parse(h.text());
    Verdict v;
    if (c.isEmpty()) {
      v = Verdict.NOT_IN_GRAMMAR;
    } else if (overlapsEcho) {
      v = Verdict.ECHO;
    } else if (h.lengthMs() > settings.maxUtterance().toMillis()) {
      v = Verdict.TOO_LONG;
    } else if (!h.words().isEmpty() && h.wordsMs() < settings.shortestCommand().toMillis()) {
      v = Verdict.TOO_SHORT;
    } else if (grammar.wakeWord() && cueMs(h) < ListenSettings.SHORTEST_CUE.toMillis()) {
      v = Verdict.CUE_TOO_SHORT;
    } else if (faintestUnderLoudestDb(h) > ListenSettings.WORDS_WITHIN_DB) {
      v = Verdict.FAINT_WORD;
    } else if (!(h.margin() >= settings.marginFor(c.get()))) {
      v = Verdict.WEAK_MARGIN;
    } else {
      v = Verdict.COMMAND;
    }
    return new Decision(v, v == Verdict.COMMAND ? c : Optional.empty());
  }

  /** How long the wake phrase's "cue" lasted; unlimited when the decoder did not say. */
  private static long cueMs(Hypothesis h) {
    return h.words().stream()
        .filter(w -> w.text().equals(CommandGrammar.WAKE_LAST_WORD))
        .mapToLong(Hypothesis.Word::lengthMs)
        .findFirst()
        .orElse(Long.MAX_VALUE);
  }

  /**
   * How much fainter the faintest word is than the loudest, each at its loudest, dB; 0 for a single
   * word or when the loudness is not known.
   */
  private static double faintestUnderLoudestDb(Hypothesis h) {
    double loudest = Double.NEGATIVE_INFINITY;
    double faintest = Double.POSITIVE_INFINITY;
    int spoken = 0;
    for (Hypothesis.Word w : h.words()) {
      if (w.isFiller()) {
        continue;
      }
      if (Double.isNaN(w.peakDb())) {
        return 0;
      }
      loudest = Math.max(loudest, w.peakDb());
      faintest = Math.min(faintest, w.peakDb());
      spoken++;
    }
    return spoken < 2 ? 0 : loudest - faintest;
  }
}
