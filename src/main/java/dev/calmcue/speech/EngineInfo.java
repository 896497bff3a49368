package dev.calmcue.speech;

import java.util.List;

/**
 * A speech engine as the {@code voices} command shows it.
 *
 * @param name what to pass as {@code --engine}
 * @param sampleRate samples per second of its clips
 * @param defaultVoice the voice used without {@code --voice}
 * @param defaultWordsPerMinute the rate used without {@code --rate}
 * @param problem why it cannot be used on this machine; empty when it can
 * @param voices its voices (empty when it is not available)
 */
public record EngineInfo(
    String name,
    int sampleRate,
    String defaultVoice,
    int defaultWordsPerMinute,
    String problem,
    List<VoiceInfo> voices) {
  public EngineInfo {
    voices = List.copyOf(voices);
  }

  public boolean available() {
    return problem.isEmpty();
  }
}
