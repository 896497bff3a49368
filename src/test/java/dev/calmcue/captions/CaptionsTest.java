package dev.calmcue.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaptionsTest {
  @TempDir Path dir;

  private static final String LONG =
      "Stroke gently from the shoulders down to the bottom, using the flat of your hand, slowly.";

  static Timeline timeline() {
    List<Cue> cues =
        List.of(
            cue(1_500_000_000L, 4_250_000_000L, CueKind.INSTRUCTION, "Warm your hands."),
            cue(4_250_000_000L, 5_150_000_000L, CueKind.CHIME, "chime"),
            cue(65_000_400_000L, 71_999_600_000L, CueKind.INSTRUCTION, LONG),
            cue(3_725_123_456_789L, 3_727_000_000_000L, CueKind.PROMPT, "  Breathe   slowly. "));
    return new Timeline(
        "r", "Back massage", cues, List.of(), List.of(), Duration.ZERO, Duration.ofSeconds(3727));
  }

  static Cue cue(long atNanos, long endNanos, CueKind kind, String text) {
    return new Cue(Duration.ofNanos(atNanos), Duration.ofNanos(endNanos), kind, null, text);
  }

  @Test
  void everyCue_getsOneCaptionWithPlanTimesAndSpokenWords() {
    List<Caption> c = Captions.of(timeline());
    assertEquals(4, c.size());
    assertEquals(Duration.ofMillis(1500), c.get(0).start());
    assertEquals(Duration.ofMillis(4250), c.get(0).end());
    assertEquals("Warm your hands.", c.get(0).text());
    assertEquals(Captions.CHIME, c.get(1).text());
    assertEquals(LONG, c.get(2).text());
    assertEquals(Duration.ofMillis(65_000), c.get(2).start(), "rounded to the nearest millisecond");
    assertEquals(Duration.ofMillis(72_000), c.get(2).end());
    assertEquals("Breathe slowly.", c.get(3).text(), "whitespace as a reader expects it");
  }

  @Test
  void longText_isWrappedAtWordsIntoShortLines() {
    List<String> lines = Captions.of(timeline()).get(2).lines();
    assertTrue(lines.size() > 1);
    lines.forEach(l -> assertTrue(l.length() <= Captions.LINE_LENGTH, l));
    assertEquals(LONG, String.join(" ", lines));
  }

  @Test
  void srt_hasNumberedEntriesCommaMillisAndCrlf() {
    String s = CaptionFormat.SRT.format(Captions.of(timeline()));
    assertTrue(
        s.startsWith(
            "1\r\n00:00:01,500 --> 00:00:04,250\r\nWarm your hands.\r\n\r\n"
                + "2\r\n00:00:04,250 --> 00:00:05,150\r\n[soft chime]\r\n\r\n"),
        s);
    assertTrue(s.contains("4\r\n01:02:05,123 --> 01:02:07,000\r\nBreathe slowly.\r\n\r\n"), s);
    assertTrue(s.endsWith("\r\n\r\n"));
    assertEquals(-1, s.replace("\r\n", "").indexOf('\n'), "no bare LF");
  }

  @Test
  void vtt_hasHeaderDotMillisAndEscapedText() {
    Timeline t =
        new Timeline(
            "r",
            "t",
            List.of(cue(0, 2_000_000_000L, CueKind.PROMPT, "Tom & Jerry <3 -->")),
            List.of(),
            List.of(),
            Duration.ZERO,
            Duration.ofSeconds(2));
    String v = CaptionFormat.WEBVTT.format(Captions.of(t));
    assertEquals("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nTom &amp; Jerry &lt;3 --&gt;\n\n", v);
  }

  @Test
  void extension_decidesTheFormat() {
    assertEquals(Optional.of(CaptionFormat.SRT), CaptionFormat.forFile(Path.of("a/s.srt")));
    assertEquals(Optional.of(CaptionFormat.WEBVTT), CaptionFormat.forFile(Path.of("S.VTT")));
    assertEquals(Optional.empty(), CaptionFormat.forFile(Path.of("s.txt")));
    assertEquals(Optional.empty(), CaptionFormat.forFile(Path.of(".srt")));
  }

  @ParameterizedTest
  @EnumSource(CaptionFormat.class)
  void realParser_readsBackEveryCaption(CaptionFormat format) throws Exception {
    List<Caption> captions = Captions.of(timeline());
    Path file = dir.resolve("s" + format.extension());
    Files.writeString(file, format.format(captions), StandardCharsets.UTF_8);
    JsonNode parsed = parseWithPython(format == CaptionFormat.SRT ? "srt" : "vtt", file);
    assertEquals(captions.size(), parsed.size());
    for (int i = 0; i < captions.size(); i++) {
      Caption c = captions.get(i);
      JsonNode p = parsed.get(i);
      assertEquals(c.number(), p.get(0).asInt());
      assertEquals(c.start().toMillis(), p.get(1).asLong());
      assertEquals(c.end().toMillis(), p.get(2).asLong());
      assertEquals(c.text(), p.get(3).asText());
    }
  }

  /**
   * Runs Debian's python3-srt / python3-webvtt on the file; skips (with the reason printed) when
   * neither a python3 nor the module is there.
   */
  static JsonNode parseWithPython(String kind, Path file) throws IOException, InterruptedException {
    Path script;
    try {
      script = Path.of(CaptionsTest.class.getResource("/captions/parse_captions.py").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String module = kind.equals("srt") ? "python3-srt" : "python3-webvtt";
    for (String python : List.of("/usr/bin/python3", "python3")) {
      Process p;
      try {
        p = new ProcessBuilder(python, script.toString(), kind, file.toString()).start();
      } catch (IOException noPython) {
        continue;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc == 3) {
        continue;
      }
      assertEquals(0, rc, "the " + module + " parser rejected the file:\n" + err);
      return new ObjectMapper().readTree(out);
    }
    System.out.println("SKIP caption parser check: " + module + " is not installed");
    Assumptions.abort(module + " is not installed (apt-get install " + module + ")");
    throw new AssertionError("unreachable");
  }
}
