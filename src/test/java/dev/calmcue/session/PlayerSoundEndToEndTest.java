package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.audio.SoundServer;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.PlanOptions;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechCache;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import dev.calmcue.speech.SpeechSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real sound path: the player writes to a javax.sound line, PulseAudio's null sink plays it,
 * parec records it. Onsets in the recording must match the plan within 30 ms, and nothing may sound
 * after the closing that a stop asks for. Skips, saying why, where no sound server can be started.
 */
@Tag("sound")
class PlayerSoundEndToEndTest {
  static final int RATE = 16_000;
  static final int THRESHOLD = 600; // about -35 dBFS: well above the null sink's digital silence
  static final int MIN_GAP =
      RATE / 4; // cues are at least 400 ms apart; words inside a cue less than this

  @BeforeAll
  static void soundServer() {
    Optional<String> why = SoundServer.unavailableReason();
    if (why.isPresent()) {
      System.out.println("SKIPPED real-sound tests: " + why.get());
    }
    assumeTrue(why.isEmpty(), () -> "no sound server: " + why.get());
  }

  @Test
  void playedOnsets_matchThePlan_within30ms() throws Exception {
    Prepared s = tones();
    short[] rec = play("tones", null);

    List<Integer> expected = expectedOnsets(s.audio, 0, s.audio.totalSamples());
    List<Integer> heard = SoundServer.onsets(SoundServer.lowPass(rec), THRESHOLD, MIN_GAP);
    assertEquals(
        expected.size(), heard.size(), "onsets heard " + heard + " vs planned " + expected);
    int offset = heard.get(0) - expected.get(0);
    List<Double> errorsMs = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      double err = (heard.get(i) - offset - expected.get(i)) * 1000.0 / RATE;
      errorsMs.add(err);
      assertTrue(Math.abs(err) <= 30, "onset " + i + " off by " + err + " ms; all: " + errorsMs);
    }
    System.out.println("real-sound onset errors (ms, vs the first): " + errorsMs);
  }

  @Test
  void spokenSession_onsetsMatchThePlan_within30ms() throws Exception {
    Prepared s = speech();
    short[] rec = play("speech", null);

    List<Integer> expected = expectedOnsets(s.audio, 0, s.audio.totalSamples());
    List<Integer> heard = SoundServer.onsets(SoundServer.lowPass(rec), THRESHOLD, MIN_GAP);
    assertTrue(expected.size() >= s.timeline.cues().size(), "every cue has an onset: " + expected);
    int offset = heard.get(0) - expected.get(0);
    List<Double> errorsMs = new ArrayList<>();
    int j = 0;
    for (int e : expected) {
      // the nearest heard onset, after aligning the first (the sound server's latency is constant)
      while (j + 1 < heard.size()
          && Math.abs(heard.get(j + 1) - offset - e) < Math.abs(heard.get(j) - offset - e)) {
        j++;
      }
      errorsMs.add((heard.get(j) - offset - e) * 1000.0 / RATE);
    }
    System.out.println("real-sound speech onset errors (ms, vs the first): " + errorsMs);
    for (double err : errorsMs) {
      assertTrue(Math.abs(err) <= 30, "onset off by " + err + " ms; all: " + errorsMs);
    }
    assertEquals(
        expected.size(), heard.size(), "no onset heard that the plan does not have: " + heard);
  }

  @Test
  void afterStop_onlyTheClosingIsHeard_thenSilence() throws Exception {
    Prepared s = tones();
    short[] rec =
        play("tones", 4); // stop 500 ms after the fifth cue ends, in the quiet before the sixth

    List<Integer> heard = SoundServer.onsets(SoundServer.lowPass(rec), THRESHOLD, MIN_GAP);
    int closingStart =
        s.audio.firstCueAtOrAfter(
            SampleTimeOf(s.timeline.steps().get(s.timeline.steps().size() - 1).end()));
    List<Integer> closing =
        expectedOnsets(s.audio, s.audio.startSample(closingStart), s.audio.totalSamples());
    // the five cues before the stop, then exactly the closing's onsets
    assertEquals(5 + closing.size(), heard.size(), "onsets heard: " + heard);
    int base = heard.get(5);
    for (int i = 0; i < closing.size(); i++) {
      double err = (heard.get(5 + i) - base - (closing.get(i) - closing.get(0))) * 1000.0 / RATE;
      assertTrue(Math.abs(err) <= 30, "closing onset " + i + " off by " + err + " ms");
    }
    int closingEnd = base + (int) (s.audio.totalSamples() - s.audio.startSample(closingStart));
    for (int i = closingEnd + RATE / 20; i < rec.length; i++) {
      assertTrue(
          Math.abs(rec[i]) <= THRESHOLD, "sound after the closing at " + i * 1000 / RATE + " ms");
    }
  }

  private static long SampleTimeOf(Duration d) {
    return dev.calmcue.audio.SampleTime.sampleAt(d, RATE);
  }

  /**
   * Plays a session on the line while recording; if {@code stopAfterCue} is set, presses stop 1 s
   * after that cue is heard. The player runs in a child JVM whose sound goes to a null sink of its
   * own ({@code PULSE_SINK}), so other programs playing on the shared sink cannot add sounds to the
   * recording.
   */
  static short[] play(String session, Integer stopAfterCue) throws Exception {
    String sink = "calmcue_e2e_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    String module = pactl("load-module", "module-null-sink", "sink_name=" + sink).strip();
    // a silent stream keeps the new sink running at low latency, as pulse-up.sh does for the shared
    // one
    Process keepalive =
        new ProcessBuilder(
                "pacat",
                "-p",
                "-d",
                sink,
                "--latency-msec=5",
                "--rate=16000",
                "--channels=1",
                "--format=s16le",
                "--client-name=calmcue-e2e-keepalive")
            .redirectInput(new java.io.File("/dev/zero"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Thread.sleep(500);
      SoundServer.Recorder recorder = SoundServer.record(sink + ".monitor");
      Thread.sleep(400); // the recorder is running before the first sound
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              SoundCheck.class.getName(),
              session,
              String.valueOf(stopAfterCue == null ? -1 : stopAfterCue));
      pb.environment().put("PULSE_SINK", sink);
      pb.redirectErrorStream(true);
      Process child = pb.start();
      String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the session ended");
      Thread.sleep(1500); // anything still coming would be recorded now
      short[] rec = recorder.stop();
      assertFalse(out.contains("TextMode"), "played on the line: " + out);
      assertTrue(
          out.contains("ending " + (stopAfterCue == null ? Ending.COMPLETED : Ending.STOPPED)),
          out);
      return rec;
    } finally {
      keepalive.destroy();
      keepalive.waitFor(5, TimeUnit.SECONDS);
      pactl("unload-module", module);
    }
  }

  private static String pactl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("pactl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(
        p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "pactl " + args[0] + ": " + out);
    return out;
  }

  /** Child JVM: plays the named test session on the default line and reports its ending. */
  static final class SoundCheck {
    public static void main(String[] args) throws Exception {
      Prepared s = args[0].equals("speech") ? speech() : tones();
      int stopAfterCue = Integer.parseInt(args[1]);
      SessionPlayer player =
          new SessionPlayer(
              s.timeline,
              s.sounds,
              s.audio,
              () -> LineAudioSink.open(RATE, LineAudioSink.DEFAULT_BUFFER),
              MonotonicClock.system(),
              new PlayerSettings(Duration.ofMillis(300), Duration.ofMinutes(2), 1.0));
      player.addListener(
          e -> {
            if (e instanceof SessionEvent.TextMode tm) {
              System.out.println("TextMode " + tm.reason());
            }
          });
      if (stopAfterCue >= 0) {
        Cue target = s.timeline.cues().get(stopAfterCue);
        player.addListener(
            e -> {
              if (e instanceof SessionEvent.CueStarted cs && cs.cue().equals(target)) {
                Thread presser =
                    new Thread(
                        () -> {
                          try {
                            Thread.sleep(1000);
                          } catch (InterruptedException ex) {
                            return;
                          }
                          player.submit(Command.STOP, ControlSource.KEYBOARD);
                        });
                presser.start();
              }
            });
      }
      System.out.println("ending " + player.run().ending());
      System.exit(0);
    }
  }

  /** Onsets of the plan itself: the same detector over the timeline rendered in memory. */
  static List<Integer> expectedOnsets(TimelineAudio audio, long from, long to) {
    short[] all = new short[(int) (to - from)];
    audio.fill(from, all, 0, all.length);
    return SoundServer.onsets(SoundServer.lowPass(all), THRESHOLD, MIN_GAP);
  }

  record Prepared(Timeline timeline, CueSounds sounds, TimelineAudio audio) {}

  /** A short spoken session through the real pipeline: planner, FreeTTS (no cache), volume 80. */
  static Prepared speech() {
    Routine routine =
        new Routine(
            1,
            "sound-test",
            "Sound test",
            null,
            null,
            new MinutesRange(1, 1),
            List.of(),
            List.of(),
            List.of(
                new Step("warm", "Warm hands", "Rest your hands on the back.", 7, List.of()),
                new Step(
                    "strokes",
                    "Long strokes",
                    "Stroke from the neck down.",
                    7,
                    List.of(new Prompt.At(4, "Slowly."))),
                new Step("circles", "Circles", "Small circles beside the spine.", 6, List.of())),
            "Well done.");
    SessionSettings settings =
        new SessionSettings(
            new PlanOptions(OptionalDouble.empty(), false, true, false),
            SpeechSettings.defaults(),
            80);
    try (SpeechEngine engine =
        SpeechEngines.open(SpeechSettings.defaults(), SpeechCache.disabled())) {
      PreparedSession p = new SessionPreparer(engine).prepare(routine, settings);
      assertEquals(RATE, p.audio().sampleRate());
      return new Prepared(p.timeline(), p.sounds(), p.audio());
    }
  }

  /**
   * A 12 s session of soft tone bursts standing in for speech: 3 steps, prompts, a two-part
   * closing.
   */
  static Prepared tones() {
    List<Cue> cues = new ArrayList<>();
    List<StepSpan> steps = new ArrayList<>();
    long[][] plan = { // at ms, length ms, step
      {0, 900, 0},
      {1700, 600, 0},
      {3000, 800, 1},
      {4300, 500, 1},
      {5200, 500, 1},
      {6600, 1000, 2},
      {8000, 450, 2}
    };
    for (long[] p : plan) {
      cues.add(
          new Cue(
              Duration.ofMillis(p[0]),
              Duration.ofMillis(p[0] + p[1]),
              p[0] == 0 || p[0] == 3000 || p[0] == 6600 ? CueKind.INSTRUCTION : CueKind.PROMPT,
              "s" + p[2],
              "tone " + p[0]));
    }
    steps.add(new StepSpan(0, "s0", "One", Duration.ZERO, Duration.ofMillis(3000)));
    steps.add(new StepSpan(1, "s1", "Two", Duration.ofMillis(3000), Duration.ofMillis(6600)));
    steps.add(new StepSpan(2, "s2", "Three", Duration.ofMillis(6600), Duration.ofMillis(9500)));
    cues.add(
        new Cue(
            Duration.ofMillis(9500), Duration.ofMillis(10300), CueKind.CLOSING, null, "tone 9500"));
    cues.add(
        new Cue(
            Duration.ofMillis(11000),
            Duration.ofMillis(11600),
            CueKind.CLOSING,
            null,
            "tone 11000"));
    Timeline t =
        new Timeline(
            "tones", "Tones", cues, List.of(), steps, Duration.ZERO, Duration.ofMillis(11600));
    CueSounds sounds =
        CueSounds.prepare(
            cues, SessionPhrases.ALL, text -> tone(text, cues), RATE, new Volume(100));
    return new Prepared(t, sounds, new TimelineAudio(t, sounds));
  }

  private static Pcm tone(String text, List<Cue> cues) {
    long ms =
        cues.stream()
            .filter(c -> c.text().equals(text))
            .findFirst()
            .map(c -> c.length().toMillis())
            .orElse(700L);
    int n = (int) (ms * RATE / 1000);
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      double env = Math.min(1, Math.min(i, n - i) / (0.01 * RATE)); // 10 ms fades: no clicks
      s[i] = (short) (6000 * env * Math.sin(2 * Math.PI * 330 * i / RATE));
    }
    return new Pcm(RATE, s);
  }
}
