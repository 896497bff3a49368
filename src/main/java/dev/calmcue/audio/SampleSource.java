package dev.calmcue.audio;

/**
 * A session as samples by position, pulled chunk by chunk: what render writes and the live player
 * plays. The speech alone ({@link TimelineAudio}) or speech with a music bed mixed in.
 */
public interface SampleSource {
  int sampleRate();

  /** The session's length in samples. */
  long totalSamples();

  /** Fills {@code buf[off..off+len)} with session samples {@code [from, from+len)}. */
  void fill(long from, short[] buf, int off, int len);
}
