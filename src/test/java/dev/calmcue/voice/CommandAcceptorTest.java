package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.voice.CommandAcceptor.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandAcceptorTest {
  private final CommandAcceptor acceptor =
      new CommandAcceptor(ListenSettings.DEFAULT.withMinMargin(5));

  private static Hypothesis heard(String text, double margin, long lengthMs) {
    return new Hypothesis(text, margin, 10_000, 10_000 + lengthMs);
  }

  @Test
  void aShortClearCommandIsTaken() {
    var d = acceptor.decide(heard("calm cue pause", 40, 1800), false);
    assertEquals(Verdict.COMMAND, d.verdict());
    assertEquals(Optional.of(SpokenCommand.PAUSE), d.command());
  }

  @Test
  void aCommandThatBarelyBeatsTheOutOfGrammarLoopIsNot() {
    assertEquals(
        Verdict.WEAK_MARGIN, acceptor.decide(heard("calm cue next", 4.9, 1800), false).verdict());
    assertEquals(
        Verdict.WEAK_MARGIN,
        acceptor.decide(heard("calm cue stop", Double.NaN, 1800), false).verdict());
    assertEquals(
        Verdict.COMMAND,
        acceptor.decide(heard("calm cue stop", Double.POSITIVE_INFINITY, 1800), false).verdict());
  }

  @Test
  void stopAndFussyMustWinByTheEndingMarginMore() {
    // --listen-margin 5 plus the default 10 for a command that ends the session
    assertEquals(
        Verdict.WEAK_MARGIN, acceptor.decide(heard("calm cue stop", 14.9, 1800), false).verdict());
    assertEquals(
        Verdict.WEAK_MARGIN,
        acceptor.decide(heard("calm cue the baby is fussy", 14.9, 1800), false).verdict());
    assertEquals(
        Verdict.COMMAND, acceptor.decide(heard("calm cue stop", 15, 1800), false).verdict());
    assertEquals(
        Verdict.COMMAND, acceptor.decide(heard("calm cue pause", 5, 1800), false).verdict());
  }

  @Test
  void whatTheLoopExplainedBetterOrNoGrammarPathIsNotInTheGrammar() {
    assertEquals(
        Verdict.NOT_IN_GRAMMAR,
        acceptor.decide(heard("", Double.NEGATIVE_INFINITY, 1800), false).verdict());
    assertEquals(Verdict.NOT_IN_GRAMMAR, acceptor.decide(heard("stop", 50, 800), false).verdict());
  }

  @Test
  void aLongUtteranceIsTalkEvenIfItDecodesAsACommand() {
    assertEquals(
        Verdict.TOO_LONG, acceptor.decide(heard("calm cue next", 50, 4001), false).verdict());
    assertEquals(
        Verdict.COMMAND, acceptor.decide(heard("calm cue next", 50, 4000), false).verdict());
  }

  @Test
  void threeWordsSaidInLessThanSixTenthsOfASecondAreOneWordHeardAsThree() {
    // "Cuckoo!" decoded as three words in 590 ms; a brisk but real "calm cue, pause" in 600
    assertEquals(Verdict.TOO_SHORT, acceptor.decide(calmCuePause(10_200, 10_790), false).verdict());
    assertEquals(Verdict.COMMAND, acceptor.decide(calmCuePause(10_200, 10_800), false).verdict());
    // a bare word may be short
    Hypothesis next =
        new Hypothesis(
            "next", 50, 10_000, 10_500, List.of(new Hypothesis.Word("next", 10_100, 10_350, 50)));
    assertEquals(
        Verdict.COMMAND,
        new CommandAcceptor(ListenSettings.DEFAULT.withWakeWord(false))
            .decide(next, false)
            .verdict());
  }

  @Test
  void aCueSqueezedIntoTheTimeItsPhonesNeedAtLeastWasNeverSaid() {
    // "Palms flat and soft." heard as "calm cue stop" with an 80-140 ms "cue"; the quickest said:
    // 160
    assertEquals(Verdict.CUE_TOO_SHORT, acceptor.decide(calmCue(149, "stop", 60), false).verdict());
    assertEquals(Verdict.COMMAND, acceptor.decide(calmCue(150, "stop", 60), false).verdict());
    // the rule is the wake phrase's: a bare word has no "cue"
    assertEquals(
        Verdict.COMMAND,
        new CommandAcceptor(ListenSettings.DEFAULT.withWakeWord(false))
            .decide(
                new Hypothesis(
                    "stop",
                    60,
                    10_000,
                    10_600,
                    List.of(new Hypothesis.Word("stop", 10_100, 10_400, 60))),
                false)
            .verdict());
  }

  @Test
  void aWordFarFainterThanTheOthersIsTheRoomNotAWord() {
    // "Cuckoo!": "resume" laid over the word's fading end, 36 dB under it
    assertEquals(Verdict.FAINT_WORD, verdict(calmCue(300, "resume", 50), "resume", -49, -13));
    assertEquals(Verdict.COMMAND, verdict(calmCue(300, "resume", 50), "resume", -43, -13));
    // "Oops.": "calm" laid over the silence before it
    assertEquals(Verdict.FAINT_WORD, verdict(calmCue(300, "pause", 50), "calm", -61, -11));
    // a pause between the words is quiet, as it should be
    assertEquals(Verdict.COMMAND, verdict(calmCue(300, "pause", 50), "calm", -15, -15));
    // loudness unknown: nothing to judge by
    assertEquals(Verdict.COMMAND, acceptor.decide(calmCue(300, "resume", 50), false).verdict());
  }

  /**
   * The verdict on {@code h} heard with {@code word} at {@code wordDb}, every other word at {@code
   * restDb} and its pauses at -70 dBFS.
   */
  private Verdict verdict(Hypothesis h, String word, double wordDb, double restDb) {
    List<Hypothesis.Word> words = new java.util.ArrayList<>();
    for (Hypothesis.Word w : h.words()) {
      words.add(w.withPeakDb(w.isFiller() ? -70 : w.text().equals(word) ? wordDb : restDb));
    }
    return acceptor.decide(h.withWords(words), false).verdict();
  }

  /** "calm cue {@code action}", its "cue" lasting {@code cueMs}. */
  private static Hypothesis calmCue(long cueMs, String action, double margin) {
    long cueStart = 10_300;
    long actionStart = cueStart + cueMs + 100;
    return new Hypothesis(
        "calm cue " + action,
        margin,
        10_000,
        actionStart + 600,
        List.of(
            new Hypothesis.Word("calm", 10_050, cueStart, 20),
            new Hypothesis.Word("cue", cueStart, cueStart + cueMs, 5),
            new Hypothesis.Word("<sil>", cueStart + cueMs, actionStart, 0),
            new Hypothesis.Word(action, actionStart, actionStart + 400, 40)));
  }

  /** "calm cue pause" decoded with its three words spread evenly over {@code [from, to)}. */
  private static Hypothesis calmCuePause(long from, long to) {
    long third = (to - from) / 3;
    return new Hypothesis(
        "calm cue pause",
        50,
        from - 200,
        to + 100,
        List.of(
            new Hypothesis.Word("calm", from, from + third, 5),
            new Hypothesis.Word("cue", from + third, from + 2 * third, 5),
            new Hypothesis.Word("pause", from + 2 * third, to, 40)));
  }

  @Test
  void anUtteranceOverlappingThePlayersOwnSoundIsNeverACommand() {
    assertEquals(Verdict.ECHO, acceptor.decide(heard("calm cue stop", 500, 1500), true).verdict());
  }
}
