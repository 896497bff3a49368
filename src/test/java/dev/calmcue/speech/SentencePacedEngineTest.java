package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.PlanOptions;
import dev.calmcue.plan.Timeline;
import dev.calmcue.plan.TimelinePlanner;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cue of several sentences is spoken one sentence at a time with a breath between them. */
class SentencePacedEngineTest {
  private static final int BREATH_SAMPLES = 16_000 * 350 / 1000;

  @Test
  void sentences_splitAtFullStopsQuestionsAndExclamations() {
    assertEquals(
        List.of("Ready?", "To begin, press space.", "Go!", "Next: Stroking."),
        SentencePacedEngine.sentences("  Ready? To begin, press space. Go!  Next: Stroking. "));
    assertEquals(
        List.of("One sentence, with a comma"),
        SentencePacedEngine.sentences("One sentence, with a comma"));
    assertEquals(
        List.of("Say \"stop.\"", "Then rest."),
        SentencePacedEngine.sentences("Say \"stop.\" Then rest."));
  }

  @Test
  void synthesize_speaksEachSentenceAndPutsABreathBetween() {
    FakeEngine inner = new FakeEngine();
    SentencePacedEngine paced = new SentencePacedEngine(inner);
    Pcm pcm = paced.synthesize("Stroke slowly. Keep talking.");
    assertEquals(List.of("Stroke slowly.", "Keep talking."), inner.spoken);
    Pcm first = FakeEngine.soundOf("Stroke slowly.");
    Pcm second = FakeEngine.soundOf("Keep talking.");
    assertEquals(first.length() + BREATH_SAMPLES + second.length(), pcm.length());
    short[] s = pcm.samples();
    assertTrue(Arrays.equals(first.samples(), Arrays.copyOfRange(s, 0, first.length())));
    short[] breath = Arrays.copyOfRange(s, first.length(), first.length() + BREATH_SAMPLES);
    assertTrue(Arrays.stream(toInts(breath)).allMatch(v -> v == 0), "silence between");
    assertTrue(
        Arrays.equals(
            second.samples(), Arrays.copyOfRange(s, first.length() + BREATH_SAMPLES, s.length)));
  }

  @Test
  void synthesize_oneSentenceIsTheEnginesClipUnchanged() {
    FakeEngine inner = new FakeEngine();
    Pcm pcm = new SentencePacedEngine(inner).synthesize("Stroke slowly, with both hands.");
    assertEquals(FakeEngine.soundOf("Stroke slowly, with both hands.").length(), pcm.length());
    assertEquals(List.of("Stroke slowly, with both hands."), inner.spoken);
  }

  private static int[] toInts(short[] s) {
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i];
    }
    return out;
  }

  @Test
  void planner_countsTheBreathsInEveryCueLength() {
    SentencePacedEngine paced = new SentencePacedEngine(new FakeEngine());
    TimelinePlanner planner = new TimelinePlanner(text -> paced.synthesize(text).duration());
    Step step =
        new Step(
            "s",
            "Stroking",
            "Stroke slowly. Keep talking.",
            60,
            List.of(new Prompt.At(1, "Soft.")));
    Routine r =
        new Routine(
            1,
            "r",
            "R",
            "",
            "",
            new MinutesRange(1, 2),
            List.of(),
            List.of(),
            List.of(step),
            "Done.");
    Timeline t = planner.plan(r, PlanOptions.defaults());
    Cue instruction =
        t.cues().stream().filter(c -> c.kind() == CueKind.INSTRUCTION).findFirst().orElseThrow();
    Duration spoken =
        FakeEngine.soundOf("Stroke slowly.")
            .duration()
            .plus(SentencePacedEngine.BREATH)
            .plus(FakeEngine.soundOf("Keep talking.").duration());
    assertEquals(spoken.toMillis(), instruction.length().toMillis(), 1);
    // the prompt wanted 1 s in; it waits for the whole instruction, breath included, and a pause
    Cue prompt =
        t.cues().stream().filter(c -> c.kind() == CueKind.PROMPT).findFirst().orElseThrow();
    assertEquals(
        instruction.end().plus(TimelinePlanner.BREATH).toMillis(), prompt.at().toMillis(), 1);
  }
}
