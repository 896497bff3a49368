package dev.calmcue.speech;

import dev.calmcue.CalmcueException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which engines and voices this machine can speak with. Lists without loading any voice. */
public final class VoiceCatalog {
  private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

  private final boolean freeTtsVoicePresent;
  private final Optional<Path> espeak;

  VoiceCatalog(boolean freeTtsVoicePresent, Optional<Path> espeak) {
    this.freeTtsVoicePresent = freeTtsVoicePresent;
    this.espeak = espeak;
  }

  /** The engines as installed on this machine. */
  public static VoiceCatalog ofThisMachine() {
    return new VoiceCatalog(FreeTtsEngine.voiceAvailable(), EspeakEngine.locate());
  }

  /** Every engine, the default first, available or not. */
  public List<EngineInfo> engines() {
    return List.of(freeTts(), espeak());
  }

  private EngineInfo freeTts() {
    String problem =
        freeTtsVoicePresent ? "" : "voice data missing from the calmcue jar (rebuild it)";
    List<VoiceInfo> voices =
        freeTtsVoicePresent
            ? List.of(new VoiceInfo(FreeTtsEngine.VOICE, "en-us", "Kevin, US English, 16 kHz"))
            : List.of();
    return new EngineInfo(
        FreeTtsEngine.NAME,
        FreeTtsEngine.SAMPLE_RATE,
        FreeTtsEngine.VOICE,
        FreeTtsEngine.DEFAULT_WPM,
        problem,
        voices);
  }

  private EngineInfo espeak() {
    String problem = "";
    List<VoiceInfo> voices = List.of();
    if (espeak.isEmpty()) {
      problem = EspeakEngine.notInstalledNote();
    } else {
      try {
        voices = EspeakEngine.listVoices(espeak.get(), "en", LIST_TIMEOUT);
      } catch (CalmcueException e) {
        problem = e.getMessage();
      }
    }
    return new EngineInfo(
        EspeakEngine.NAME,
        EspeakEngine.SAMPLE_RATE,
        EspeakEngine.DEFAULT_VOICE,
        EspeakEngine.DEFAULT_WPM,
        problem,
        voices);
  }
}
