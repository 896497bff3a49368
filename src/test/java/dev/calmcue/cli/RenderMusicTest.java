package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code calmcue render --music lullaby} with the real voice, measured against the same render
 * without music: the difference of the two files is the music bed alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderMusicTest {
  private static final int[] PACES = {24, 40, 56, 30, 48, 20, 36, 60};
  private static final int RATE = 16000;

  private Path dir;

  private Timeline plan;
  private Routine routine;
  private double[] speech;
  private double[] bed;

  @BeforeAll
  void renderWithAndWithoutMusic(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Path file = pacedCopyOf(Path.of("routines/back-massage.json"));
    short[] plain = render(file, "off");
    short[] music = render(file, "lullaby");
    assertEquals(plain.length, music.length, "the music does not change the session's length");
    speech = new double[plain.length];
    bed = new double[plain.length];
    for (int i = 0; i < plain.length; i++) {
      speech[i] = plain[i];
      bed[i] = music[i] - plain[i];
    }
    routine = RoutineCatalog.standard().resolve(file.toString());
    RenderCommand command = new RenderCommand();
    new CommandLine(command).parseArgs(file.toString(), "-o", "x.wav");
    try (SpeechEngine engine = SpeechEngines.open(command.session.settings(false).speech())) {
      plan = new SessionPreparer(engine).plan(routine, command.session.settings(false));
    }
  }

  @Test
  void theMusicIsAtLeastTwelveDecibelsUnderTheVoiceWhereverACuePlays() {
    List<String> tooLoud = new ArrayList<>();
    double closest = Double.MAX_VALUE;
    for (Cue c : plan.cues()) {
      long s = SampleTime.sampleAt(c.at(), RATE);
      long e = Math.min(speech.length, SampleTime.sampleAt(c.end(), RATE));
      double db = 20 * Math.log10(rms(speech, s, e) / Math.max(1e-9, rms(bed, s, e)));
      closest = Math.min(closest, db);
      if (db < 12) {
        tooLoud.add(String.format(Locale.ROOT, "'%s': only %.1f dB", c.text(), db));
      }
    }
    System.out.printf(Locale.ROOT, "music under speech: at least %.1f dB below%n", closest);
    assertEquals(List.of(), tooLoud);
  }

  @Test
  void theMusicPlaysInTheSilentStretchesOfTheSteps() {
    int checked = 0;
    for (int i = 0; i + 1 < plan.cues().size(); i++) {
      long s = SampleTime.sampleAt(plan.cues().get(i).end(), RATE) + RATE;
      long e = SampleTime.sampleAt(plan.cues().get(i + 1).at(), RATE) - RATE;
      if (e - s < RATE || s < SampleTime.sampleAt(plan.stepsStart(), RATE) + 4 * RATE) {
        continue;
      }
      assertEquals(0.0, rms(speech, s, e), 0.0, "a silent stretch of the voice");
      double level = rms(bed, s, e);
      assertTrue(level > 100, "music at " + s / RATE + " s: rms " + level);
      checked++;
    }
    assertTrue(checked >= 10, "silent stretches checked: " + checked);
  }

  @Test
  void theBeatOfEachStepIsItsPace() {
    double[] onset = bassOnsets(bed);
    StringBuilder report = new StringBuilder("beat period vs pace:");
    for (StepSpan span : plan.steps()) {
      int pace = routine.steps().get(span.index()).pace();
      int from = (int) (SampleTime.sampleAt(span.start(), RATE) / FRAME) + 5 * RATE / FRAME;
      int to = (int) (SampleTime.sampleAt(span.end(), RATE) / FRAME) - RATE / FRAME / 2;
      double period = strongestPeriodSeconds(onset, from, to);
      double expected = 60.0 / pace;
      report.append(String.format(Locale.ROOT, " %s %.3f/%.3f s", span.id(), period, expected));
      assertEquals(expected, period, expected * 0.03, span.id() + " at pace " + pace);
    }
    System.out.println(report);
  }

  private static final int FRAME = 160; // 10 ms

  /**
   * Onset strength of the bass (below ~200 Hz, where the stroke is marked) in 10 ms frames: the
   * rise of each frame's energy over the previous one.
   */
  private static double[] bassOnsets(double[] x) {
    double[] low = lowPass(lowPass(x, 200), 200);
    int frames = low.length / FRAME;
    double[] energy = new double[frames];
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
        sum += low[i] * low[i];
      }
      energy[f] = Math.sqrt(sum / FRAME);
    }
    double[] onset = new double[frames];
    for (int f = 1; f < frames; f++) {
      onset[f] = Math.max(0, energy[f] - energy[f - 1]);
    }
    return onset;
  }

  /** RBJ biquad low-pass, Q = 0.707. */
  private static double[] lowPass(double[] x, double hz) {
    double w = 2 * Math.PI * hz / RATE;
    double alpha = Math.sin(w) / (2 * 0.707);
    double cos = Math.cos(w);
    double a0 = 1 + alpha;
    double b0 = (1 - cos) / 2 / a0;
    double b1 = (1 - cos) / a0;
    double b2 = b0;
    double a1 = -2 * cos / a0;
    double a2 = (1 - alpha) / a0;
    double[] y = new double[x.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x[i];
      y2 = y1;
      y1 = v;
      y[i] = v;
    }
    return y;
  }

  /**
   * The lag, between 0.9 and 3.3 s (paces 18 to 67 a minute), at which the onsets of frames {@code
   * [from, to)} best match themselves, refined between frames by a parabola.
   */
  private static double strongestPeriodSeconds(double[] onset, int from, int to) {
    int minLag = 90;
    int maxLag = 330;
    double[] ac = new double[maxLag + 2];
    for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
      double sum = 0;
      for (int f = from; f + lag < to; f++) {
        sum += onset[f] * onset[f + lag];
      }
      ac[lag] = sum;
    }
    int best = minLag;
    for (int lag = minLag; lag <= maxLag; lag++) {
      if (ac[lag] > ac[best]) {
        best = lag;
      }
    }
    double l = ac[best - 1];
    double c = ac[best];
    double r = ac[best + 1];
    double denominator = l - 2 * c + r;
    double shift = denominator == 0 ? 0 : 0.5 * (l - r) / denominator;
    return (best + shift) * FRAME / (double) RATE;
  }

  private static double rms(double[] x, long from, long to) {
    double sum = 0;
    for (long i = from; i < to; i++) {
      sum += x[(int) i] * x[(int) i];
    }
    return to > from ? Math.sqrt(sum / (to - from)) : 0;
  }

  /** The routine with a different pace on each step. */
  private Path pacedCopyOf(Path routine) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(routine.toFile());
    root.remove("$schema");
    for (int i = 0; i < root.get("steps").size(); i++) {
      ((ObjectNode) root.get("steps").get(i)).put("pace", PACES[i % PACES.length]);
    }
    Path copy = dir.resolve("paced.json");
    json.writeValue(copy.toFile(), root);
    return copy;
  }

  private short[] render(Path routine, String music) throws Exception {
    Path wav = dir.resolve(music + ".wav");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "render",
            routine.toString(),
            "-o",
            wav.toString(),
            "--music",
            music);
    assertEquals(0, rc, "render failed:\n" + out + err);
    byte[] bytes = Files.readAllBytes(wav);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(RATE, b.getInt(24));
    short[] samples = new short[(bytes.length - 44) / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = b.getShort(44 + 2 * i);
    }
    return samples;
  }
}
