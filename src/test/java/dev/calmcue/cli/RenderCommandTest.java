package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code calmcue render} from the command line: files, flags, errors and exit codes. */
class RenderCommandTest {
  @TempDir Path dir;

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {
    String both() {
      return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  static Run calmcue(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private String wav() {
    return dir.resolve("s.wav").toString();
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void render_writesWavAndCaptions_andSaysWhat() throws Exception {
    Run r =
        calmcue(
            "render",
            "daily-back-massage",
            "-o",
            wav(),
            "--captions",
            dir.resolve("s.srt").toString());
    assertEquals(0, r.code(), r.both());
    assertTrue(r.out().startsWith("Wrote " + wav() + " ("), r.both());
    assertEquals(List.of("s.srt", "s.wav"), files());
    byte[] head = Files.readAllBytes(dir.resolve("s.wav"));
    ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(16000, b.getInt(24), "the engine's own rate by default");
    assertEquals(head.length - 44, b.getInt(40));
    assertTrue(Files.readString(dir.resolve("s.srt")).startsWith("1\r\n00:00:00,000 --> "));
  }

  @Test
  void captions_matchTheCuesOfPlan_givenTheSameOptions() throws Exception {
    String[] options = {"daily-back-massage", "--minutes", "6", "--bedtime"};
    Run plan = calmcue(concat(new String[] {"plan"}, options, new String[] {"--json"}));
    assertEquals(0, plan.code(), plan.both());
    Path vtt = dir.resolve("s.vtt");
    Run render =
        calmcue(
            concat(
                new String[] {"render"},
                options,
                new String[] {"-o", wav(), "--captions", vtt.toString()}));
    assertEquals(0, render.code(), render.both());

    JsonNode cues = new ObjectMapper().readTree(plan.out()).get("cues");
    String[] blocks = Files.readString(vtt).split("\n\n");
    assertEquals("WEBVTT", blocks[0]);
    assertEquals(cues.size(), blocks.length - 1, "one caption per planned cue");
    for (int i = 0; i < cues.size(); i++) {
      JsonNode cue = cues.get(i);
      String[] lines = blocks[i + 1].split("\n");
      String[] times = lines[1].split(" --> ");
      assertEquals(Math.round(cue.get("at").asDouble() * 1000), millis(times[0]), lines[1]);
      assertEquals(Math.round(cue.get("end").asDouble() * 1000), millis(times[1]), lines[1]);
      String text = String.join(" ", Arrays.copyOfRange(lines, 2, lines.length));
      String expected =
          cue.get("kind").asText().equals("chime") ? "[soft chime]" : cue.get("text").asText();
      assertEquals(expected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), text);
    }
  }

  private static long millis(String vttTime) {
    String[] p = vttTime.split("[:.]");
    return ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * 1000
        + Long.parseLong(p[3]);
  }

  private static String[] concat(String[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
  }

  @Test
  void sampleRate_writesAFileAtThatRate() throws Exception {
    Run r = calmcue("render", "daily-back-massage", "-o", wav(), "--sample-rate", "48000");
    assertEquals(0, r.code(), r.both());
    ByteBuffer b =
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("s.wav"))).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(48000, b.getInt(24));
    assertTrue(r.out().contains("48000 Hz"), r.both());
  }

  @Test
  void dashOutput_writesTheWavToStdout_andTalksOnStderr() {
    ByteArrayOutputStream sound = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RenderCommand(() -> sound));
    cl.setExecutionExceptionHandler(new ExceptionHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("daily-back-massage", "-o", "-");
    assertEquals(0, code, err.toString());
    byte[] wav = sound.toByteArray();
    assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
    assertEquals(wav.length - 44, ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(40));
    assertEquals("", out.toString(), "stdout carries only the sound");
    assertTrue(err.toString().startsWith("Wrote the session ("), err.toString());
  }

  @Test
  void existingFile_isKeptWithoutForce_andReplacedWithIt() throws Exception {
    Files.writeString(dir.resolve("s.wav"), "precious");
    Run r = calmcue("render", "daily-back-massage", "-o", wav());
    assertEquals(2, r.code(), r.both());
    assertEquals("calmcue: " + wav() + " already exists (use --force to replace it)\n", r.err());
    assertEquals("precious", Files.readString(dir.resolve("s.wav")));
    Run forced = calmcue("render", "daily-back-massage", "-o", wav(), "--force");
    assertEquals(0, forced.code(), forced.both());
    assertEquals(List.of("s.wav"), files());
  }

  @Test
  void wrongOutputExtension_isAUsageErrorNamingO() throws Exception {
    Run r = calmcue("render", "daily-back-massage", "-o", dir.resolve("s.mp3").toString());
    assertEquals(2, r.code(), r.both());
    assertTrue(r.err().startsWith("calmcue: -o must name a .wav file"), r.both());
    assertEquals(List.of(), files());
  }

  @Test
  void wrongCaptionsExtension_isAUsageErrorNamingCaptions() throws Exception {
    Run r = calmcue("render", "daily-back-massage", "-o", wav(), "--captions", "s.txt");
    assertEquals(2, r.code(), r.both());
    assertTrue(
        r.err().startsWith("calmcue: --captions must name a .srt or .vtt file, got s.txt"),
        r.both());
    assertEquals(List.of(), files());
  }

  @Test
  void unsupportedSampleRate_isAUsageError() {
    Run r = calmcue("render", "daily-back-massage", "-o", wav(), "--sample-rate", "8000");
    assertEquals(2, r.code(), r.both());
    assertTrue(
        r.err().startsWith("calmcue: --sample-rate must be 16000, 22050, 44100 or 48000"),
        r.both());
  }

  @Test
  void unknownMusic_isAUsageErrorNamingTheChoices() {
    Run r = calmcue("render", "daily-back-massage", "-o", wav(), "--music", "jazz");
    assertEquals(2, r.code(), r.both());
    assertTrue(
        r.err().startsWith("calmcue: --music must be lullaby, pulse or off, got jazz"), r.both());
  }

  @Test
  void musicVolumeOutOfRange_isAUsageError() {
    Run r = calmcue("render", "daily-back-massage", "-o", wav(), "--music-volume", "101");
    assertEquals(2, r.code(), r.both());
    assertTrue(r.err().startsWith("calmcue: --music-volume must be 0 to 100, got 101"), r.both());
  }

  @Test
  void missingFolder_isOneLineAndExit2() {
    Run r = calmcue("render", "daily-back-massage", "-o", dir.resolve("no/such/s.wav").toString());
    assertEquals(2, r.code(), r.both());
    assertEquals(1, r.err().lines().count(), r.both());
    assertTrue(r.err().contains("does not exist"), r.both());
  }

  @Test
  void missingOutput_isAUsageError() {
    Run r = calmcue("render", "daily-back-massage");
    assertEquals(2, r.code(), r.both());
    assertTrue(r.err().contains("-o"), r.both());
  }

  @Test
  void help_showsExamples() {
    Run r = calmcue("render", "--help");
    assertEquals(0, r.code(), r.both());
    assertTrue(r.out().contains("Examples:"), r.out());
    assertTrue(r.out().contains("-o - | aplay"), r.out());
  }
}
