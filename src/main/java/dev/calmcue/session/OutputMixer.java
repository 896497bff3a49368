package dev.calmcue.session;

/**
 * Sound added live to the player's output (a music bed, the voice commands' acknowledgement), or a
 * look at it (the voice listener's echo gate), one block at a time, on the writer thread, just
 * before the block goes to the line. Mixers run in the order they were added, each seeing what the
 * earlier ones added; one that only looks should be added last. Not called in text mode (nothing
 * sounds). It should return quickly: a late block is a late cue.
 *
 * <p>Keyed on the output clock, not on the timeline: {@code at} counts every sample written to the
 * line, silence, pauses and repeated clips included. A command that cuts the sound short (pause,
 * next, stop) drops the unheard part of the line's buffer and sets the output clock back to what
 * was heard, so the next block comes again with a smaller {@code at}: a mixer whose sound follows
 * from {@code at} needs no other notice of it, and its unheard samples are dropped with the rest.
 */
@FunctionalInterface
public interface OutputMixer {
  /**
   * @param at the output sample of {@code block[0]}
   * @param block the samples about to be written (speech, timeline or silence, and what earlier
   *     mixers added); add to {@code block[0..length)} in place, clipping to the 16-bit range
   * @param queuedAhead samples in the line ahead of this block, not yet heard: it is heard that
   *     much after {@code nowNanos}
   * @param nowNanos the player's clock ({@link MonotonicClock#nanoTime()}) now
   */
  void mix(long at, short[] block, int length, long queuedAhead, long nowNanos);
}
