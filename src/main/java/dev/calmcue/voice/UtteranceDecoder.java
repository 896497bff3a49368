package dev.calmcue.voice;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A speech recognizer that cuts a stream into utterances and decodes each against the command
 * grammar. The Sphinx implementation lives in {@code voice.sphinx}, loaded by {@link
 * RecognizerLoader}.
 */
public interface UtteranceDecoder extends AutoCloseable {
  /** The audio every decoder takes: 16 kHz mono signed 16-bit little-endian PCM. */
  int SAMPLE_RATE = 16_000;

  /**
   * Decodes raw PCM from {@code pcm} until it ends (or the thread is interrupted), calling {@code
   * out} with every utterance on the calling thread. One stream per decoder: Sphinx re-allocates
   * its search for every new stream.
   */
  void decode(InputStream pcm, Consumer<Hypothesis> out) throws IOException;

  @Override
  void close();
}
