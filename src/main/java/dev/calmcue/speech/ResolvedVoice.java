package dev.calmcue.speech;

import java.util.Objects;

/**
 * {@link SpeechSettings} checked and with every default filled in: exactly which engine, voice,
 * rate and sample rate will speak. Known before any engine is loaded, so a cache can answer without
 * one.
 *
 * @param engine engine name, e.g. {@code freetts}
 * @param voice the engine's voice name, e.g. {@code kevin16}
 * @param wordsPerMinute the heard speaking rate (never 0: the default is written out)
 * @param sampleRate samples per second of every clip the engine makes
 */
public record ResolvedVoice(String engine, String voice, int wordsPerMinute, int sampleRate) {
  public ResolvedVoice {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(voice, "voice");
    if (wordsPerMinute <= 0 || sampleRate <= 0) {
      throw new IllegalArgumentException("rate and sample rate must be positive");
    }
  }

  /**
   * Everything that changes the sound for the same text, as one string (see {@link SpeechEngine}).
   */
  public String settingsKey() {
    // String.join, not +: this is on the path to the first cached cue (see SpeechCache).
    // "heard": the rate is calibrated (not the engine's nominal one); PACING: how sentences are
    // joined.
    return String.join(
        ":",
        engine,
        voice,
        Integer.toString(wordsPerMinute).concat("wpm-heard"),
        Integer.toString(sampleRate).concat("Hz"),
        SentencePacedEngine.PACING);
  }
}
