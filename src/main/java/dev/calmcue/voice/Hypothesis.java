package dev.calmcue.voice;

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
 */
public record Hypothesis(String text, double margin, long startMs, long endMs) {
  public long lengthMs() {
    return endMs - startMs;
  }
}
