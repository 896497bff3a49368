package dev.calmcue.audio;

/**
 * Where session audio goes: a sound line, a WAV file, memory (tests). Mono 16-bit samples at {@link
 * #sampleRate()}; the sink decides byte order. A sink that plays in real time blocks in {@link
 * #write} until it has room, which is what paces a live session.
 */
public interface AudioSink extends AutoCloseable {
  int sampleRate();

  /** Writes samples; throws {@link AudioFailure} if the device went away. */
  void write(short[] samples, int offset, int length);

  /** Samples accepted by {@link #write} that have not been heard yet (0 for files and memory). */
  default long bufferedSamples() {
    return 0;
  }

  /** Drops what is buffered and not yet heard (pause or stop at once). */
  default void discardBuffered() {}

  /** Blocks until everything written has been heard. */
  default void drain() {}

  @Override
  void close();
}
