package dev.calmcue.lint;

import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.SpokenText;
import dev.calmcue.routine.SpokenText.Kind;
import dev.calmcue.routine.Step;
import dev.calmcue.speech.SentencePacedEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a routine's spoken texts for listenability: what a tired parent, eyes on the baby, can
 * follow through a flat voice. Pure: texts in, warnings out. Times are estimated from the heard
 * speaking rate (words per minute, as {@code --rate}) and the breath between sentences, as the
 * planner will have them.
 */
public final class SpeechLint {
  /** Words one cue may have; more is forgotten before the hands move. */
  static final int MAX_CUE_WORDS = 20;

  /** Words a step title may have: it is spoken as "Next: TITLE." between steps. */
  static final int MAX_TITLE_WORDS = 7;

  /** A sentence longer than this needs a comma somewhere for the voice to pause. */
  static final int MAX_WORDS_WITHOUT_PAUSE = 12;

  /** Time kept free after a cue before the next one of its step, in seconds. */
  static final double ROOM_SECONDS = 1.0;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");
  private static final Pattern STUCK_SENTENCES = Pattern.compile("[.!?;:,](?=\\p{L})");
  private static final Pattern PAUSE_MARK = Pattern.compile("[,;:\u2013\u2014]");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern CAPITALS = Pattern.compile("\\b\\p{Lu}{2,}\\b");
  private static final Pattern SYMBOL = Pattern.compile("[&%+=/#@*~^|<>\\[\\]{}_\\\\]");
  private static final Pattern ABBREVIATION =
      Pattern.compile(
          "\\b(?:e\\.g\\.?|i\\.e\\.?|etc\\.?|approx\\.?|incl\\.?|esp\\.?|vs\\.?|mins?\\.?|secs?\\.?"
              + "|hrs?\\.?|cm|mm|kg|no\\.)(?!\\p{L})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATIVE_START =
      Pattern.compile(
          "^\\s*(?:do not|don't|does not|doesn't|never|no|not|avoid|without|nothing|none)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words heard as something else, or with two meanings in a massage. */
  private static final List<Trap> TRAPS =
      List.of(
          new Trap(
              Pattern.compile("\\bknead\\w*", Pattern.CASE_INSENSITIVE),
              "sounds like \"need\": say what the fingers do (\"small pincer movements\")"),
          new Trap(
              Pattern.compile("\\bbottom\\b", Pattern.CASE_INSENSITIVE),
              "is heard as the buttocks: name the place (\"the lower back\", \"the waist\") or the"
                  + " direction (\"down\")"),
          new Trap(
              Pattern.compile(
                  "\\b(?:and|then|go|goes|move|moves|come|comes|glide|slide|stroke|rub)\\s+back\\b"
                      + "|\\bback\\s+(?:up|down|again|and forth)\\b",
                  Pattern.CASE_INSENSITIVE),
              "uses \"back\" as a direction where the back is a body part: say \"up again\" or"
                  + " \"return\""));

  private final int wordsPerMinute;

  /**
   * @param wordsPerMinute the heard speaking rate the routine will be played at
   */
  public SpeechLint(int wordsPerMinute) {
    if (wordsPerMinute <= 0) {
      throw new IllegalArgumentException("rate must be positive, got " + wordsPerMinute);
    }
    this.wordsPerMinute = wordsPerMinute;
  }

  /** Every warning for the routine's texts, in file order. */
  public List<SpeechWarning> check(Routine routine, List<SpokenText> texts) {
    List<SpeechWarning> out = new ArrayList<>();
    for (SpokenText t : texts) {
      longCue(t, out);
      noPause(t, out);
      earTraps(t, out);
      readsOddly(t, out);
      negativeSafety(t, out);
      tooFast(routine, t, out);
    }
    out.sort(Comparator.comparingInt(SpeechWarning::line).thenComparingInt(SpeechWarning::column));
    return out;
  }

  private static void longCue(SpokenText t, List<SpeechWarning> out) {
    int words = words(t.text());
    int max = t.kind() == Kind.TITLE ? MAX_TITLE_WORDS : MAX_CUE_WORDS;
    if (words > max) {
      String what = t.kind() == Kind.TITLE ? "title (spoken as \"Next: ...\")" : "cue";
      String fix =
          t.kind() == Kind.INSTRUCTION
              ? "; keep what to do here and move the how into the step's first prompt"
              : "; split it or cut it";
      out.add(
          warn(
              t,
              0,
              SpeechRule.LONG_CUE,
              what
                  + " has "
                  + words
                  + " words, more than "
                  + max
                  + " are hard to keep in mind by ear"
                  + fix));
    }
  }

  private static void noPause(SpokenText t, List<SpeechWarning> out) {
    Matcher stuck = STUCK_SENTENCES.matcher(t.text());
    while (stuck.find()) {
      out.add(
          warn(
              t,
              stuck.start(),
              SpeechRule.NO_PAUSE,
              "no space after '" + stuck.group() + "': the voice runs the two parts together"));
    }
    Matcher s = SENTENCE.matcher(t.text());
    while (s.find()) {
      String sentence = s.group();
      int words = words(sentence);
      if (words > MAX_WORDS_WITHOUT_PAUSE && !PAUSE_MARK.matcher(sentence).find()) {
        out.add(
            warn(
                t,
                s.start() + leadingSpace(sentence),
                SpeechRule.NO_PAUSE,
                "a sentence of "
                    + words
                    + " words without a pause: add a comma where a speaker would"
                    + " breathe, or split it"));
      }
    }
  }

  private static void earTraps(SpokenText t, List<SpeechWarning> out) {
    for (Trap trap : TRAPS) {
      Matcher m = trap.pattern().matcher(t.text());
      while (m.find()) {
        out.add(warn(t, m.start(), SpeechRule.EAR_TRAP, "\"" + m.group() + "\" " + trap.advice()));
      }
    }
  }

  private static void readsOddly(SpokenText t, List<SpeechWarning> out) {
    find(
        t,
        DIGITS,
        out,
        d -> "digits \"" + d + "\": write the number in words (\"five\", not \"5\")");
    find(t, ABBREVIATION, out, a -> "abbreviation \"" + a + "\": write the words out");
    find(t, CAPITALS, out, c -> "\"" + c + "\" in capitals may be spelled letter by letter");
    find(t, SYMBOL, out, c -> "symbol \"" + c + "\" is read aloud or skipped: use words");
  }

  private static void negativeSafety(SpokenText t, List<SpeechWarning> out) {
    if (!t.safety()) {
      return;
    }
    Matcher s = SENTENCE.matcher(t.text());
    while (s.find()) {
      Matcher neg = NEGATIVE_START.matcher(s.group());
      if (neg.find()) {
        out.add(
            warn(
                t,
                s.start() + leadingSpace(s.group()),
                SpeechRule.NEGATIVE_SAFETY,
                "a safety sentence starting with \""
                    + neg.group().strip()
                    + "\" is easily heard without it: say what to do instead (\"Keep your hands"
                    + " beside the spine\")"));
      }
    }
  }

  /**
   * An instruction or prompt that, said at the rate, is not over before the next cue of its step.
   */
  private void tooFast(Routine routine, SpokenText t, List<SpeechWarning> out) {
    if (t.step() < 0 || (t.kind() != Kind.INSTRUCTION && t.kind() != Kind.PROMPT)) {
      return;
    }
    Step step = routine.steps().get(t.step());
    double start = t.kind() == Kind.INSTRUCTION ? 0 : startOf(step.prompts().get(t.prompt()));
    double next = step.seconds();
    String nextName = "the end of the step";
    for (Prompt p : step.prompts()) {
      double at = startOf(p);
      if (at > start && at < next) {
        next = at;
        nextName = "the prompt at " + (int) at + " s";
      }
    }
    if (t.kind() == Kind.PROMPT
        && step.prompts().get(t.prompt()) instanceof Prompt.Every e
        && start + e.every() < next) {
      next = start + e.every();
      nextName = "its own repeat every " + e.every() + " s";
    }
    double room = next - start - ROOM_SECONDS;
    int rate = rateOf(step);
    double needs = seconds(t.text(), rate);
    if (needs > room) {
      double breaths = (sentences(t.text()) - 1) * breathSeconds();
      long wpmNeeded = room - breaths > 0 ? Math.round(words(t.text()) * 60 / (room - breaths)) : 0;
      out.add(
          warn(
              t,
              0,
              SpeechRule.TOO_FAST,
              String.format(
                  Locale.ROOT,
                  "at %d words per minute this takes about %.1f s, but %s comes %.0f s after"
                      + " it starts%s; shorten it or give it more time",
                  rate,
                  needs,
                  nextName,
                  next - start,
                  wpmNeeded > 0
                      ? " (it would have to be said at " + wpmNeeded + " words per minute)"
                      : "")));
    }
  }

  /**
   * The heard rate a step is spoken at: the session's. Where a routine sets its own pace per step,
   * this is the one place to apply it.
   */
  private int rateOf(Step step) {
    return wordsPerMinute;
  }

  /** Estimated spoken length: words at {@code rate} plus a breath between sentences. */
  static double seconds(String text, int rate) {
    return words(text) * 60.0 / rate + (sentences(text) - 1) * breathSeconds();
  }

  private static double breathSeconds() {
    return SentencePacedEngine.BREATH.toMillis() / 1000.0;
  }

  private static double startOf(Prompt p) {
    return p instanceof Prompt.At a ? a.at() : ((Prompt.Every) p).every();
  }

  private static int sentences(String text) {
    return Math.max(1, SentencePacedEngine.sentences(text).size());
  }

  static int words(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void find(
      SpokenText t, Pattern p, List<SpeechWarning> out, UnaryOperator<String> msg) {
    Matcher m = p.matcher(t.text());
    while (m.find()) {
      out.add(warn(t, m.start(), SpeechRule.READS_ODDLY, msg.apply(m.group())));
    }
  }

  private static SpeechWarning warn(SpokenText t, int index, SpeechRule rule, String message) {
    return new SpeechWarning(t.path(), t.line(), t.columnAt(index), rule, message);
  }

  private record Trap(Pattern pattern, String advice) {}
}
