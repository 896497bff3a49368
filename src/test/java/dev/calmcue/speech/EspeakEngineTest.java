package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.CalmcueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** espeak-ng as a process. Tests that need the real program skip, saying why, when it is absent. */
class EspeakEngineTest {
  private static Optional<Path> espeak;

  @TempDir Path dir;

  @BeforeAll
  static void findEspeak() {
    espeak = EspeakEngine.locate();
    if (espeak.isEmpty()) {
      System.out.println(
          "EspeakEngineTest: espeak-ng not on PATH, real-synthesis tests skipped"
              + " (Debian package espeak-ng)");
    }
  }

  private static EspeakEngine real(String voice, int wpm) {
    assumeTrue(espeak.isPresent(), "espeak-ng is not installed (apt-get install espeak-ng)");
    return new EspeakEngine(
        EspeakEngine.resolve(new SpeechSettings("espeak", voice, wpm)), espeak.get());
  }

  @Test
  void synthesize_sentence_gives22kHzTrimmedSpeech() {
    Pcm pcm = real(null, 0).synthesize("Warm your hands and rest them gently on the back.");

    assertEquals(22_050, pcm.sampleRate());
    assertTrue(Clips.millis(pcm) > 1000 && Clips.millis(pcm) < 8000, "length " + Clips.millis(pcm));
    // espeak-ng ends every clip with ~400 ms of digital silence
    assertTrue(Clips.trailingQuietMillis(pcm, 0) < 20, "tail " + Clips.trailingQuietMillis(pcm, 0));
    assertEquals(0, pcm.samples()[0]);
  }

  @Test
  void synthesize_fasterRate_givesShorterClip() {
    String text = "Stroke down slowly from the shoulders to the bottom.";
    Pcm slow = real("en-us", 100).synthesize(text);
    Pcm fast = real("en-us", 200).synthesize(text);

    assertTrue(fast.length() < slow.length(), fast.length() + " vs " + slow.length());
  }

  @Test
  void synthesize_textThatLooksLikeAnOption_isSpokenNotParsed() {
    Pcm pcm = real(null, 0).synthesize("-v stop --help");

    assertTrue(pcm.length() > 0);
  }

  @Test
  void unknownVoice_isAnInputErrorNamingTheFlag() {
    EspeakEngine engine = real("xx-nowhere", 0);

    CalmcueException e = assertThrows(CalmcueException.class, () -> engine.synthesize("Hello."));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("--voice"), e.getMessage());
  }

  @Test
  void listVoices_includesAmericanEnglish_andLeavesOutMbrola() {
    assumeTrue(espeak.isPresent(), "espeak-ng is not installed (apt-get install espeak-ng)");
    List<VoiceInfo> voices = EspeakEngine.listVoices(espeak.get(), "en", Duration.ofSeconds(10));

    assertTrue(voices.stream().anyMatch(v -> v.name().equals("en-us")), voices.toString());
    assertTrue(voices.stream().noneMatch(v -> v.description().startsWith("us-mbrola")));
  }

  @Test
  void parseVoiceList_readsTheTableEspeakPrints() {
    String table =
        "Pty Language       Age/Gender VoiceName          File                 Other Languages\n"
            + " 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)\n"
            + " 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n"
            + " 5  en-us           --/M      us-mbrola-2        mb/mb-us2            (en 7)\n"
            + " 5  variant         --/M      Storm              !v/Storm             (en-us 5)\n";

    assertEquals(
        List.of(
            new VoiceInfo("en-gb", "en-gb", "English (Great Britain)"),
            new VoiceInfo("en-us", "en-us", "English (America)")),
        EspeakEngine.parseVoiceList(table));
  }

  @Test
  void malformedVoiceName_isRejectedBeforeRunningAnything() {
    for (String voice : new String[] {"-x", "en us", "", "en;rm"}) {
      CalmcueException e =
          assertThrows(
              CalmcueException.class,
              () -> EspeakEngine.resolve(new SpeechSettings("espeak", voice, 0)));
      assertEquals(CalmcueException.Kind.INPUT, e.kind());
      assertTrue(e.getMessage().contains("--voice"), e.getMessage());
    }
  }

  @Test
  void resolve_fillsInEspeakDefaults() {
    ResolvedVoice v = EspeakEngine.resolve(new SpeechSettings("espeak", null, 0));

    assertEquals(new ResolvedVoice("espeak", "en-us", 140, 22_050), v);
  }

  @Test
  void locate_findsExecutableOnlyInPathDirectories() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    assertTrue(EspeakEngine.locate(bin.toString()).isEmpty());
    assertTrue(EspeakEngine.locate(null).isEmpty());

    Path fake = Files.createFile(bin.resolve("espeak-ng"));
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertEquals(Optional.of(fake), EspeakEngine.locate("/nonexistent:" + bin));
  }

  @Test
  void hungEspeak_isKilledAfterTheTimeout() throws Exception {
    Path script = dir.resolve("espeak-ng");
    Files.writeString(script, "#!/bin/sh\nexec sleep 600\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    EspeakEngine engine =
        new EspeakEngine(
            EspeakEngine.resolve(new SpeechSettings("espeak", null, 0)),
            script,
            Duration.ofMillis(300));

    CalmcueException e = assertThrows(CalmcueException.class, () -> engine.synthesize("Hello."));
    assertEquals(CalmcueException.Kind.RUNTIME, e.kind());
    assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
  }

  @Test
  void failingEspeak_reportsItsMessage() throws Exception {
    Path script = dir.resolve("espeak-ng");
    Files.writeString(script, "#!/bin/sh\necho 'audio data missing' >&2\nexit 3\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    EspeakEngine engine =
        new EspeakEngine(EspeakEngine.resolve(new SpeechSettings("espeak", null, 0)), script);

    CalmcueException e = assertThrows(CalmcueException.class, () -> engine.synthesize("Hello."));
    assertEquals(CalmcueException.Kind.RUNTIME, e.kind());
    assertTrue(e.getMessage().contains("exit 3"), e.getMessage());
    assertTrue(e.getMessage().contains("audio data missing"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
