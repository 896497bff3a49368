package dev.calmcue.voice;

import java.util.Optional;

/**
 * Decides whether an utterance is a command: exactly one phrase of the grammar, a clear win over
 * the out-of-grammar loop, short but not too short for its words, and clear of the player's own
 * sound (with the silence before and after it that the endpointer needs to cut it out of the
 * stream).
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
    } else if (!(h.margin() >= settings.marginFor(c.get()))) {
      v = Verdict.WEAK_MARGIN;
    } else {
      v = Verdict.COMMAND;
    }
    return new Decision(v, v == Verdict.COMMAND ? c : Optional.empty());
  }
}
