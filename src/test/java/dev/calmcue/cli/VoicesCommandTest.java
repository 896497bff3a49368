package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.speech.EngineInfo;
import dev.calmcue.speech.EspeakEngine;
import dev.calmcue.speech.SpeechCache;
import dev.calmcue.speech.VoiceInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicesCommandTest {
  @TempDir Path dir;

  /** Output of one in-process run. */
  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void voices_listsFreeTtsKevinAt16kHzAsDefault() {
    Run r = run("voices");

    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().matches("(?s).*freetts\\s+kevin16 \\*\\s+16000 Hz\\s+yes.*"), r.toString());
    assertTrue(r.out().contains("--rate 80-220"), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void voices_listsEspeakVoicesWhenInstalled_orSaysHowToInstall() {
    Run r = run("voices");

    if (EspeakEngine.locate().isPresent()) {
      assertTrue(r.out().matches("(?s).*espeak\\s+en-us \\*\\s+22050 Hz\\s+yes.*"), r.toString());
    } else {
      System.out.println("VoicesCommandTest: espeak-ng not installed, checking the hint instead");
      assertTrue(r.out().contains("apt-get install espeak-ng"), r.toString());
    }
  }

  @Test
  void voicesJson_describesEnginesRatesAndVoices() throws Exception {
    Run r = run("voices", "--json");

    assertEquals(0, r.code(), r.toString());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("freetts", root.get("defaultEngine").asText());
    assertEquals(80, root.get("rate").get("min").asInt());
    assertEquals(220, root.get("rate").get("max").asInt());
    JsonNode freetts = root.get("engines").get(0);
    assertEquals("freetts", freetts.get("name").asText());
    assertTrue(freetts.get("available").asBoolean());
    assertEquals(16000, freetts.get("sampleRate").asInt());
    assertEquals("kevin16", freetts.get("voices").get(0).get("name").asText());
    JsonNode espeak = root.get("engines").get(1);
    assertEquals("espeak", espeak.get("name").asText());
    assertEquals(22050, espeak.get("sampleRate").asInt());
    assertEquals(EspeakEngine.locate().isPresent(), espeak.get("available").asBoolean());
    assertTrue(root.get("cache").has("clips"));
  }

  @Test
  void voicesHelp_showsExamples() {
    Run r = run("voices", "--help");

    assertEquals(0, r.code());
    assertTrue(r.out().contains("Examples:"), r.toString());
    assertTrue(r.out().contains("calmcue voices --json"), r.toString());
  }

  @Test
  void voicesWithUnknownFlag_isAUsageError() {
    Run r = run("voices", "--fast");

    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--fast"), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void table_unavailableEngine_showsWhyAndHowToFixIt() {
    List<EngineInfo> engines =
        List.of(
            new EngineInfo(
                "freetts",
                16000,
                "kevin16",
                150,
                "",
                List.of(new VoiceInfo("kevin16", "en-us", "Kevin"))),
            new EngineInfo(
                "espeak",
                22050,
                "en-us",
                175,
                "espeak-ng is not installed (apt-get install espeak-ng)",
                List.of()));

    String table = VoiceListing.table(engines, new SpeechCache(dir));

    assertTrue(
        table.matches("(?s).*espeak\\s+en-us\\s+22050 Hz\\s+no\\s+espeak-ng is not installed.*"),
        table);
    assertTrue(table.contains("cached in " + dir + " (0 clips"), table);
  }

  @Test
  void table_withDisabledCache_saysClipsAreNotCached() {
    String table = VoiceListing.table(List.of(), SpeechCache.disabled());

    assertTrue(table.contains("not cached"), table);
  }
}
