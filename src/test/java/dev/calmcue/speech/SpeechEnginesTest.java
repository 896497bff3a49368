package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechEnginesTest {
  @TempDir Path dir;

  @Test
  void open_defaults_isCachedFreeTtsWithoutLoadingTheVoice() {
    try (CachingSpeechEngine e =
        SpeechEngines.open(SpeechSettings.defaults(), new SpeechCache(dir))) {
      assertEquals("freetts", e.name());
      assertEquals("kevin16", e.voice());
      assertEquals(16_000, e.sampleRate());
      assertEquals("freetts:kevin16:140wpm-heard:16000Hz:breath350ms", e.settingsKey());
      assertFalse(e.engineStarted());
    }
  }

  @Test
  void open_nullOrMixedCaseEngineName_isAccepted() {
    assertEquals(
        "freetts",
        SpeechEngines.open(new SpeechSettings(null, null, 0), SpeechCache.disabled()).name());
    assertEquals(
        "freetts",
        SpeechEngines.open(new SpeechSettings("FreeTTS", null, 0), SpeechCache.disabled()).name());
  }

  @Test
  void open_defaultRateAndExplicit140_shareCacheEntries() {
    assertEquals(
        SpeechEngines.open(new SpeechSettings("freetts", null, 0), SpeechCache.disabled())
            .settingsKey(),
        SpeechEngines.open(new SpeechSettings("freetts", "kevin16", 140), SpeechCache.disabled())
            .settingsKey());
  }

  @Test
  void open_unknownEngine_isAnInputErrorNamingFlagAndKnownEngines() {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () ->
                SpeechEngines.open(
                    new SpeechSettings("festival", null, 0), SpeechCache.disabled()));

    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("--engine"), e.getMessage());
    assertTrue(e.getMessage().contains("'festival'"), e.getMessage());
    assertTrue(e.getMessage().contains("freetts, espeak"), e.getMessage());
  }

  @Test
  void open_espeakWhenNotInstalled_saysHowToInstallIt() {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () ->
                SpeechEngines.open(
                    new SpeechSettings("espeak", null, 0),
                    SpeechCache.disabled(),
                    Optional::empty));

    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertEquals(
        "engine 'espeak' needs espeak-ng, which is not installed (apt-get install espeak-ng)",
        e.getMessage());
  }

  @Test
  void open_espeak_whenInstalled_doesNotRunItYet() {
    Path nowhere = dir.resolve("espeak-ng"); // not even a file: running it would fail
    try (CachingSpeechEngine e =
        SpeechEngines.open(
            new SpeechSettings("espeak-ng", "en-gb", 120),
            SpeechCache.disabled(),
            () -> Optional.of(nowhere))) {
      assertEquals("espeak", e.name());
      assertEquals("espeak:en-gb:120wpm-heard:22050Hz:breath350ms", e.settingsKey());
      assertEquals(22_050, e.sampleRate());
    }
  }

  @Test
  void open_rateOutOfRange_failsBeforeAnythingLoads() {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () ->
                SpeechEngines.open(
                    new SpeechSettings("espeak", null, 400),
                    SpeechCache.disabled(),
                    Optional::empty));
    assertTrue(e.getMessage().contains("--rate"), e.getMessage());
  }

  @Test
  void open_realFreeTts_synthesizesOnceThenServesFromDiskWithoutLoadingTheVoice() {
    String text = "Lovely. Now rest your hands.";
    Pcm first;
    try (CachingSpeechEngine e =
        SpeechEngines.open(SpeechSettings.defaults(), new SpeechCache(dir))) {
      first = e.synthesize(text);
      assertTrue(e.engineStarted());
    }
    try (CachingSpeechEngine e =
        SpeechEngines.open(SpeechSettings.defaults(), new SpeechCache(dir))) {
      assertEquals(first.length(), e.cached(text).orElseThrow().length());
      assertEquals(first.length(), e.synthesize(text).length());
      assertFalse(e.engineStarted());
    }
  }
}
