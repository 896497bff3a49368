package dev.calmcue.plan;

import static dev.calmcue.plan.Routines.routine;
import static dev.calmcue.plan.Routines.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TimelinePlannerTest {
  private final TimelinePlanner planner = new TimelinePlanner(FakeDurations.typical());

  private static List<Cue> ofKind(Timeline t, CueKind kind) {
    return t.cues().stream().filter(c -> c.kind() == kind).toList();
  }

  @Test
  void plan_instructionStartsExactlyAtStepStart() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    List<Cue> instructions = ofKind(t, CueKind.INSTRUCTION);
    assertEquals(3, instructions.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(t.steps().get(i).start(), instructions.get(i).at());
      assertEquals(t.steps().get(i).id(), instructions.get(i).stepId());
    }
  }

  @Test
  void plan_stepsAreBackToBackAndClosingFollowsLastStep() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    assertEquals(t.stepsStart(), t.steps().get(0).start());
    for (int i = 1; i < t.steps().size(); i++) {
      assertEquals(t.steps().get(i - 1).end(), t.steps().get(i).start());
    }
    Cue closing = ofKind(t, CueKind.CLOSING).get(0);
    assertEquals(t.steps().get(2).end(), closing.at());
    assertEquals("All done.", closing.text());
    assertEquals(t.cues().get(t.cues().size() - 1).end(), t.total());
  }

  @Test
  void plan_writtenLengthsWithoutMinutes() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    for (StepSpan s : t.steps()) {
      assertEquals(Duration.ofSeconds(60), s.length());
    }
  }

  @Test
  void plan_minutesScalesEveryStepSoStepsLastThatLong() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults().withMinutes(4));
    Duration steps = t.steps().get(2).end().minus(t.stepsStart());
    assertEquals(Duration.ofMinutes(4), steps);
    assertEquals(Duration.ofSeconds(80), t.steps().get(0).length());
  }

  @Test
  void plan_atPromptScalesWithStepButEveryPromptKeepsItsPeriod() {
    Routine r =
        routine(
            new MinutesRange(1, 4),
            step("only", 100, new Prompt.At(40, "Early in this step."), new Prompt.Every(30, "Breathe.")));
    Timeline t = planner.plan(r, PlanOptions.defaults().withMinutes(10.0 / 3)); // 200 s, scale 2
    Duration start = t.steps().get(0).start();
    List<Cue> prompts = ofKind(t, CueKind.PROMPT);
    Cue at = prompts.stream().filter(c -> c.text().startsWith("Early")).findFirst().orElseThrow();
    assertEquals(start.plusSeconds(80), at.at());
    List<Duration> every =
        prompts.stream().filter(c -> c.text().equals("Breathe.")).map(c -> c.at().minus(start)).toList();
    assertEquals(List.of(30L, 60L, 90L, 120L, 150L, 180L), every.stream().map(Duration::toSeconds).toList());
  }

  @Test
  void plan_minutesOutsideRoutineRangeIsInputErrorNamingTheRange() {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () -> planner.plan(Routines.threeSteps(), PlanOptions.defaults().withMinutes(12)));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertEquals("--minutes 12 is outside the range of 'test': choose 2 to 4 minutes", e.getMessage());
  }

  @Test
  void plan_instructionLongerThanItsStepIsInputError() {
    TimelinePlanner slow = new TimelinePlanner(new FakeDurations(5000));
    CalmcueException e =
        assertThrows(CalmcueException.class, () -> slow.plan(Routines.threeSteps(), PlanOptions.defaults()));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().startsWith("step 'first' lasts 60.0 s but its instruction takes"), e.getMessage());
  }

  @Test
  void plan_dropsPromptThatWouldOverlapInstructionAndReportsIt() {
    // 1 s a character: the prompt cannot fit anywhere in the step beside its instruction.
    TimelinePlanner p = new TimelinePlanner(new FakeDurations(1000)); // 1 s a character
    Routine shortSteps =
        routine(
            new MinutesRange(1, 2),
            new dev.calmcue.routine.Step("a", "A", "Go.", 70, List.of(new Prompt.At(1, "Too long to fit.................................................................."))));
    Timeline t = p.plan(shortSteps, PlanOptions.defaults());
    assertTrue(ofKind(t, CueKind.PROMPT).isEmpty());
    assertEquals(1, t.dropped().size());
    DroppedCue d = t.dropped().get(0);
    assertEquals(CueKind.PROMPT, d.kind());
    assertEquals("a", d.stepId());
    assertFalse(d.reason().isBlank());
  }

  @Test
  void plan_movesPromptOffTheInstructionInsteadOfDroppingIt() {
    Routine r = routine(new MinutesRange(1, 2), step("a", 60, new Prompt.At(1, "Gently.")), step("b", 10));
    Timeline t = planner.plan(r, PlanOptions.defaults());
    Cue instruction = ofKind(t, CueKind.INSTRUCTION).get(0);
    Cue prompt = ofKind(t, CueKind.PROMPT).get(0);
    assertEquals(instruction.end().plus(TimelinePlanner.BREATH).toMillis(), prompt.at().toMillis(), 1);
    assertTrue(t.dropped().isEmpty());
  }

  @Test
  void plan_announcesNextStepAndChimesBeforeEveryStepChange() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    List<Cue> next = ofKind(t, CueKind.NEXT);
    List<Cue> chimes = ofKind(t, CueKind.CHIME);
    assertEquals(List.of("Next: Title of second.", "Next: Title of third."), next.stream().map(Cue::text).toList());
    assertEquals(2, chimes.size());
    for (int i = 0; i < 2; i++) {
      Duration boundary = t.steps().get(i).end();
      assertTrue(next.get(i).end().compareTo(chimes.get(i).at()) < 0);
      assertTrue(chimes.get(i).end().compareTo(boundary) <= 0);
      assertTrue(next.get(i).at().compareTo(t.steps().get(i).start()) > 0);
    }
  }

  @Test
  void plan_bedtimeHasNoChimesAndASofterRest() {
    Timeline t = planner.plan(Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), false, true, true));
    assertTrue(ofKind(t, CueKind.CHIME).isEmpty());
    assertEquals(TimelinePlanner.BEDTIME_REST_TEXT, ofKind(t, CueKind.CLOSING).get(1).text());
  }

  @Test
  void plan_noChimesOptionLeavesThemOut() {
    Timeline t = planner.plan(Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), false, false, false));
    assertTrue(ofKind(t, CueKind.CHIME).isEmpty());
    assertEquals(2, ofKind(t, CueKind.NEXT).size());
  }

  @Test
  void plan_preludeSpeaksChecklistThenSafetyThenAsksReadyBeforeTheSteps() {
    Timeline t = planner.plan(Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), true, true, false));
    List<CueKind> prelude =
        t.cues().stream().filter(c -> c.at().compareTo(t.stepsStart()) < 0).map(Cue::kind).toList();
    assertEquals(
        List.of(CueKind.INTRO, CueKind.PREPARATION, CueKind.PREPARATION, CueKind.SAFETY, CueKind.READY), prelude);
    assertEquals(List.of("Warm room.", "Warm hands."), ofKind(t, CueKind.PREPARATION).stream().map(Cue::text).toList());
    assertEquals(TimelinePlanner.READY_TEXT, ofKind(t, CueKind.READY).get(0).text());
    assertEquals(ofKind(t, CueKind.READY).get(0).end().plusSeconds(1).toMillis(), t.stepsStart().toMillis(), 1);
  }

  @Test
  void plan_halfwayCueNearTheMiddleOfLongSessions() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    List<Cue> halfway = ofKind(t, CueKind.HALFWAY);
    assertEquals(1, halfway.size());
    Duration mid = t.stepsStart().plusSeconds(90);
    assertTrue(halfway.get(0).at().minus(mid).abs().compareTo(Duration.ofSeconds(20)) <= 0);
  }
}
