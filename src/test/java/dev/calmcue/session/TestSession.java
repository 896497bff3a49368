package dev.calmcue.session;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.speech.Pcm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built timeline at 1000 samples a second (one sample = one millisecond) whose every text
 * sounds as a ramp {@code base + i}: any sample in a recording says which text it came from and how
 * far into it, so tests can find onsets and cuts exactly.
 */
final class TestSession {
  static final int RATE = 1000;
  private static final int SPACING = 2500;

  private final List<Cue> cues = new ArrayList<>();
  private final List<StepSpan> steps = new ArrayList<>();
  private final Map<String, Integer> lengths = new LinkedHashMap<>();
  private long stepsStart = -1;
  private long cursor;

  Timeline timeline;
  CueSounds sounds;
  TimelineAudio audio;

  /** A prelude cue (intro, preparation, safety, ready) at the cursor, then a gap. */
  TestSession prelude(CueKind kind, String text, int lengthMs, int gapMs) {
    cue(cursor, kind, null, text, lengthMs);
    cursor += lengthMs + gapMs;
    return this;
  }

  /** A step starting at the cursor: its instruction at its start, prompts at offsets. */
  TestSession step(
      String id, String title, int lengthMs, String instruction, int instrMs, Object... prompts) {
    if (stepsStart < 0) {
      stepsStart = cursor;
    }
    long start = cursor;
    cue(start, CueKind.INSTRUCTION, id, instruction, instrMs);
    for (int i = 0; i < prompts.length; i += 3) {
      cue(
          start + (int) prompts[i],
          CueKind.PROMPT,
          id,
          (String) prompts[i + 1],
          (int) prompts[i + 2]);
    }
    steps.add(new StepSpan(steps.size(), id, title, ms(start), ms(start + lengthMs)));
    cursor = start + lengthMs;
    return this;
  }

  /** A closing cue at the cursor, then a second of silence. */
  TestSession closing(String text, int lengthMs) {
    cue(cursor, CueKind.CLOSING, null, text, lengthMs);
    cursor += lengthMs + 1000;
    return this;
  }

  TestSession build() {
    lengths.putIfAbsent(SessionPhrases.FUSSY_CLOSING, 900);
    lengths.putIfAbsent(SessionPhrases.NO_START, 700);
    Duration total = cues.stream().map(Cue::end).max(Duration::compareTo).orElseThrow();
    timeline =
        new Timeline(
            "test", "Test routine", cues, List.of(), steps, ms(Math.max(stepsStart, 0)), total);
    sounds = CueSounds.prepare(cues, SessionPhrases.ALL, this::speak, RATE, new Volume(100));
    audio = new TimelineAudio(timeline, sounds);
    return this;
  }

  /** A simple session: three 10 s steps with prompts, and a closing. */
  static TestSession threeSteps() {
    return new TestSession()
        .step(
            "one",
            "Warm hands",
            10_000,
            "Rest your hands on the back",
            1500,
            4000,
            "Breathe slowly",
            1200)
        .step(
            "two",
            "Long strokes",
            10_000,
            "Stroke from neck to bottom",
            1800,
            3000,
            "Keep it light",
            1000,
            7000,
            "Nice and slow",
            1100)
        .step("three", "Circles", 10_000, "Small circles beside the spine", 1600)
        .closing("Well done. Cuddle time", 1400)
        .closing("Now let your baby rest", 1200)
        .build();
  }

  /** The same with a prelude that ends in the ready question. */
  static TestSession withPrelude() {
    return new TestSession()
        .prelude(CueKind.INTRO, "Back massage", 1000, 500)
        .prelude(CueKind.SAFETY, "Never press on the spine", 1500, 500)
        .prelude(CueKind.READY, "Ready? To begin, press space.", 1200, 300)
        .step(
            "one",
            "Warm hands",
            10_000,
            "Rest your hands on the back",
            1500,
            4000,
            "Breathe slowly",
            1200)
        .step("two", "Long strokes", 10_000, "Stroke from neck to bottom", 1800)
        .closing("Well done. Cuddle time", 1400)
        .build();
  }

  SessionPlayer player(ScriptedSink sink, MonotonicClock clock, PlayerSettings settings) {
    return new SessionPlayer(timeline, sounds, audio, () -> sink, clock, settings);
  }

  /** A player whose device cannot be opened: it runs in text mode, paced by {@code clock}. */
  SessionPlayer withoutDevice(MonotonicClock clock, PlayerSettings settings) {
    return new SessionPlayer(
        timeline,
        sounds,
        audio,
        () -> {
          throw new dev.calmcue.audio.AudioFailure("no audio device could be opened", null);
        },
        clock,
        settings);
  }

  static PlayerSettings settings(int prerollMs) {
    return new PlayerSettings(Duration.ofMillis(prerollMs), Duration.ofSeconds(30), 1.0);
  }

  Cue cue(String text) {
    return cues.stream().filter(c -> c.text().equals(text)).findFirst().orElseThrow();
  }

  int length(String text) {
    return lengths.get(text);
  }

  /** The sample of the plan at which {@code text}'s cue starts. */
  long at(String text) {
    return cue(text).at().toMillis();
  }

  /** Every place in {@code samples} where a text starts to sound (ramp offset 0). */
  List<Onset> onsets(short[] samples) {
    List<Onset> found = new ArrayList<>();
    for (int i = 0; i < samples.length; i++) {
      Decoded d = decode(samples[i]);
      if (d != null && d.offset == 0) {
        found.add(new Onset(i, d.text));
      }
    }
    return found;
  }

  /** Which text and which sample of it a recorded sample is, or null for silence. */
  Decoded decode(short sample) {
    if (sample == 0) {
      return null;
    }
    int k = (sample - 1000) / SPACING;
    String text = new ArrayList<>(lengths.keySet()).get(k);
    return new Decoded(text, sample - 1000 - k * SPACING);
  }

  record Onset(long sample, String text) {}

  record Decoded(String text, int offset) {}

  private void cue(long at, CueKind kind, String stepId, String text, int lengthMs) {
    lengths.putIfAbsent(text, lengthMs);
    cues.add(new Cue(ms(at), ms(at + lengthMs), kind, stepId, text));
  }

  private Pcm speak(String text) {
    int k = new ArrayList<>(lengths.keySet()).indexOf(text);
    int len = lengths.get(text);
    if (len >= SPACING) {
      throw new IllegalArgumentException("test clips must be shorter than " + SPACING);
    }
    short[] s = new short[len];
    for (int i = 0; i < len; i++) {
      s[i] = (short) (1000 + k * SPACING + i);
    }
    return new Pcm(RATE, s);
  }

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }
}
