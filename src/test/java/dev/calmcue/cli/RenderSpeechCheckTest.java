package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.Resampler;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.captions.CaptionFormat;
import dev.calmcue.captions.Captions;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * End to end, by machine instead of ears: {@code calmcue render} each seed routine with the real
 * FreeTTS voice, cut the WAV at the plan's cue times, and let pocketsphinx decide which of the
 * routine's sentences each cut is. Every instruction must come out as itself; the share of prompts
 * (and of the other cues) is printed.
 */
class RenderSpeechCheckTest {
  @TempDir Path dir;

  /**
   * Both seed routines at the voice's own rate, and one again at 44.1 kHz (its cuts converted back
   * to 16 kHz for the recognizer), so the resampled path is checked by ear too; and both again with
   * the lullaby under the voice, which must not cost a single instruction.
   */
  @ParameterizedTest
  @CsvSource({
    "back-massage, 16000, off",
    "daily-back-massage, 16000, off",
    "daily-back-massage, 44100, off",
    "back-massage, 16000, lullaby",
    "daily-back-massage, 16000, lullaby"
  })
  void everyInstruction_isRecognisedAsItself(String routineId, int fileRate, String music)
      throws Exception {
    Optional<String> missing = PocketSphinx.unavailable();
    if (missing.isPresent()) {
      System.out.println("SKIP speech check of " + routineId + ": " + missing.get());
      Assumptions.abort(missing.get());
    }
    String[] args = {
      "render",
      routineId,
      "-o",
      dir.resolve("s.wav").toString(),
      "--captions",
      dir.resolve("s.srt").toString(),
      "--sample-rate",
      String.valueOf(fileRate),
      "--music",
      music
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(0, rc, "render failed:\n" + out + err);

    Timeline plan = planFor(args);
    byte[] wav = Files.readAllBytes(dir.resolve("s.wav"));
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    int rate = b.getInt(24);
    assertEquals(fileRate, rate);
    Resampler toRecognizer = new Resampler(rate, 16000);
    short[] samples = new short[(wav.length - 44) / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = b.getShort(44 + 2 * i);
    }
    assertCaptionsFollowThePlan(plan);

    List<Cue> spoken = plan.cues().stream().filter(c -> c.kind() != CueKind.CHIME).toList();
    List<short[]> cuts = new ArrayList<>();
    int pad = rate * 3 / 10; // a little silence around each cut, as a listener would hear it
    for (Cue c : spoken) {
      int from = (int) SampleTime.sampleAt(c.at(), rate);
      int to = (int) Math.min(samples.length, SampleTime.sampleAt(c.end(), rate));
      if (music.equals("off")) {
        assertEquals(
            0, from == 0 ? 0 : samples[from - 1], "silence right before '" + c.text() + "'");
      }
      short[] cut = new short[to - from + 2 * pad];
      System.arraycopy(samples, from, cut, pad, to - from);
      cuts.add(toRecognizer.apply(new Pcm(rate, cut)).samples());
    }
    List<String> heard =
        new PocketSphinx(Files.createDirectory(dir.resolve("asr")))
            .decode(cuts, 16000, spoken.stream().map(Cue::text).toList());

    Map<CueKind, int[]> tally = new EnumMap<>(CueKind.class);
    List<String> wrongInstructions = new ArrayList<>();
    for (int i = 0; i < spoken.size(); i++) {
      Cue c = spoken.get(i);
      boolean right = heard.get(i).equals(PocketSphinx.normalize(c.text()));
      int[] t = tally.computeIfAbsent(c.kind(), k -> new int[2]);
      t[0] += right ? 1 : 0;
      t[1]++;
      if (!right && c.kind() == CueKind.INSTRUCTION) {
        wrongInstructions.add("'" + c.text() + "' was heard as '" + heard.get(i) + "'");
      }
    }
    StringBuilder report =
        new StringBuilder(
            "speech check " + routineId + " at " + fileRate + " Hz, music " + music + ":");
    tally.forEach(
        (kind, t) ->
            report.append(
                String.format(
                    Locale.ROOT,
                    " %s %d/%d (%.0f%%)",
                    kind.jsonName(),
                    t[0],
                    t[1],
                    100.0 * t[0] / t[1])));
    System.out.println(report);
    assertTrue(tally.containsKey(CueKind.INSTRUCTION), "the plan has instructions");
    assertEquals(List.of(), wrongInstructions, report.toString());
  }

  /** The plan for the same command line, made independently of the render. */
  private static Timeline planFor(String[] args) {
    RenderCommand command = new RenderCommand();
    new CommandLine(command).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    SessionSettings settings = command.session.settings(false);
    try (SpeechEngine engine = SpeechEngines.open(settings.speech())) {
      return new SessionPreparer(engine)
          .plan(RoutineCatalog.standard().resolve(command.routine), settings);
    }
  }

  private void assertCaptionsFollowThePlan(Timeline plan) throws Exception {
    String srt = Files.readString(dir.resolve("s.srt"));
    String expected = CaptionFormat.SRT.format(Captions.of(plan));
    assertEquals(expected, srt, "the captions are those of the plan");
  }
}
