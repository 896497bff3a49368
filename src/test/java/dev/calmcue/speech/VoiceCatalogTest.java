package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoiceCatalogTest {
  @Test
  void engines_defaultFirst_withSampleRatesAndDefaults() {
    List<EngineInfo> engines = new VoiceCatalog(true, Optional.empty()).engines();

    assertEquals(List.of("freetts", "espeak"), engines.stream().map(EngineInfo::name).toList());
    EngineInfo freetts = engines.get(0);
    assertTrue(freetts.available());
    assertEquals(16_000, freetts.sampleRate());
    assertEquals("kevin16", freetts.defaultVoice());
    assertEquals(140, freetts.defaultWordsPerMinute());
    assertEquals("kevin16", freetts.voices().get(0).name());
  }

  @Test
  void espeakNotInstalled_isListedAsUnavailableWithTheInstallCommand() {
    EngineInfo espeak = new VoiceCatalog(true, Optional.empty()).engines().get(1);

    assertFalse(espeak.available());
    assertEquals(22_050, espeak.sampleRate());
    assertTrue(espeak.problem().contains("apt-get install espeak-ng"), espeak.problem());
    assertTrue(espeak.voices().isEmpty());
  }

  @Test
  void freeTtsVoiceDataMissing_isListedAsUnavailable() {
    EngineInfo freetts = new VoiceCatalog(false, Optional.empty()).engines().get(0);

    assertFalse(freetts.available());
    assertTrue(freetts.voices().isEmpty());
  }

  @Test
  void freeTtsVoiceData_isOnTheClassPath() {
    assertTrue(FreeTtsEngine.voiceAvailable());
  }
}
