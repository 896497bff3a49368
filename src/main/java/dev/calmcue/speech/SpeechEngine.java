package dev.calmcue.speech;

/**
 * Turns text into speech in memory. Implementations are used from one thread at a time (FreeTTS
 * voices are not thread-safe); clips come back with leading and trailing silence already trimmed.
 */
public interface SpeechEngine extends AutoCloseable {
  /** Engine name, e.g. {@code freetts} or {@code espeak}. */
  String name();

  /** Voice name, e.g. {@code kevin16}. */
  String voice();

  int sampleRate();

  /**
   * Everything that changes the sound for the same text (engine, voice, rate); the cache keys on
   * it.
   */
  String settingsKey();

  Pcm synthesize(String text);

  @Override
  void close();
}
