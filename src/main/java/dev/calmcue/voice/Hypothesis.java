package dev.calmcue.voice;

import java.util.List;

/**
 * One utterance as the recognizer heard it.
 *
 * @param text the best in-grammar words ("calm cue pause"), or empty when nothing in the grammar
 *     survived the search
 * @param margin how much better the in-grammar path scored than the out-of-grammar phone loop, in
 *     natural-log units over the whole utterance ({@code +Infinity} when the loop was pruned,
 *     {@code -Infinity} when no in-grammar path survived)
 * @param startMs where the utterance (with its leading silence) starts in the decoded stream
 * @param endMs where it ends in the decoded stream
 * @param words the in-grammar path word by word, with the pauses between words as fillers, each
 *     with the margin over the phone loop on its own frames (empty when the decoder does not say)
 */
public record Hypothesis(String text, double margin, long startMs, long endMs, List<Word> words) {
  public Hypothesis {
    words = List.copyOf(words);
  }

  public Hypothesis(String text, double margin, long startMs, long endMs) {
    this(text, margin, startMs, endMs, List.of());
  }

  /**
   * One word of the in-grammar path.
   *
   * @param margin the in-grammar path's score minus the phone loop's over exactly this word's
   *     frames, natural-log units: how much better this word explains its own stretch of sound than
   *     any sequence of phones does
   * @param peakDb the loudest 20 ms the microphone heard within the word, dBFS; NaN when not known
   *     (the decoder does not know it: the listener fills it in)
   */
  public record Word(String text, long startMs, long endMs, double margin, double peakDb) {
    public Word(String text, long startMs, long endMs, double margin) {
      this(text, startMs, endMs, margin, Double.NaN);
    }

    /**
     * A pause or noise between words ({@code <sil>}, {@code [NOISE]}), not a word of the grammar.
     */
    public boolean isFiller() {
      return text.startsWith("<") || text.startsWith("[");
    }

    /** From its first frame to its last, as the decoder aligned it. */
    public long lengthMs() {
      return endMs - startMs;
    }

    public Word withPeakDb(double db) {
      return new Word(text, startMs, endMs, margin, db);
    }
  }

  /** The same utterance with its words replaced ({@code words} of the same path, annotated). */
  public Hypothesis withWords(List<Word> newWords) {
    return new Hypothesis(text, margin, startMs, endMs, newWords);
  }

  public long lengthMs() {
    return endMs - startMs;
  }

  /** From the first word's first frame to the last word's last; 0 when the words are not known. */
  public long wordsMs() {
    return words.isEmpty() ? 0 : words.get(words.size() - 1).endMs() - words.get(0).startMs();
  }

  /** The same utterance placed at other times (the words keep theirs: they are the decoder's). */
  public Hypothesis at(long newStartMs, long newEndMs) {
    return new Hypothesis(text, margin, newStartMs, newEndMs, words);
  }
}
