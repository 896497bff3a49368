package dev.calmcue.speech;

/**
 * Which voice speaks and how fast.
 *
 * @param engine {@code freetts} or {@code espeak}
 * @param voice engine-specific voice name; null = the engine's default
 * @param wordsPerMinute speaking rate; 0 = the engine's default
 */
public record SpeechSettings(String engine, String voice, int wordsPerMinute) {
  public static final String DEFAULT_ENGINE = "freetts";

  public static SpeechSettings defaults() {
    return new SpeechSettings(DEFAULT_ENGINE, null, 0);
  }
}
