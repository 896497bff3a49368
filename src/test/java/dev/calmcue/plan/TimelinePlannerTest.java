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
import java.util.Set;
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
            step(
                "only",
                100,
                new Prompt.At(40, "Early in this step."),
                new Prompt.Every(30, "Breathe.")));
    Timeline t = planner.plan(r, PlanOptions.defaults().withMinutes(10.0 / 3)); // 200 s, scale 2
    Duration start = t.steps().get(0).start();
    List<Cue> prompts = ofKind(t, CueKind.PROMPT);
    Cue at = prompts.stream().filter(c -> c.text().startsWith("Early")).findFirst().orElseThrow();
    assertEquals(start.plusSeconds(80), at.at());
    List<Duration> every =
        prompts.stream()
            .filter(c -> c.text().equals("Breathe."))
            .map(c -> c.at().minus(start))
            .toList();
    assertEquals(
        List.of(30L, 60L, 90L, 120L, 150L, 180L), every.stream().map(Duration::toSeconds).toList());
  }

  @Test
  void plan_minutesOutsideRoutineRangeIsInputErrorNamingTheRange() {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () -> planner.plan(Routines.threeSteps(), PlanOptions.defaults().withMinutes(12)));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertEquals(
        "--minutes 12 is outside the range of 'test': choose 2 to 4 minutes", e.getMessage());
  }

  @Test
  void plan_instructionLongerThanItsStepIsInputError() {
    TimelinePlanner slow = new TimelinePlanner(new FakeDurations(5000));
    CalmcueException e =
        assertThrows(
            CalmcueException.class, () -> slow.plan(Routines.threeSteps(), PlanOptions.defaults()));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(
        e.getMessage().startsWith("step 'first' lasts 60.0 s but its instruction takes"),
        e.getMessage());
  }

  @Test
  void plan_dropsPromptThatWouldOverlapInstructionAndReportsIt() {
    // 1 s a character: the prompt cannot fit anywhere in the step beside its instruction.
    TimelinePlanner p = new TimelinePlanner(new FakeDurations(1000)); // 1 s a character
    Routine shortSteps =
        routine(
            new MinutesRange(1, 2),
            new dev.calmcue.routine.Step(
                "a",
                "A",
                "Go.",
                70,
                List.of(
                    new Prompt.At(
                        1,
                        "Too long to"
                            + " fit.................................................................."))));
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
    Routine r =
        routine(new MinutesRange(1, 2), step("a", 60, new Prompt.At(1, "Gently.")), step("b", 10));
    Timeline t = planner.plan(r, PlanOptions.defaults());
    Cue instruction = ofKind(t, CueKind.INSTRUCTION).get(0);
    Cue prompt = ofKind(t, CueKind.PROMPT).get(0);
    assertEquals(
        instruction.end().plus(TimelinePlanner.BREATH).toMillis(), prompt.at().toMillis(), 1);
    assertTrue(t.dropped().isEmpty());
  }

  @Test
  void plan_announcesNextStepAndChimesBeforeEveryStepChange() {
    Timeline t = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    List<Cue> next = ofKind(t, CueKind.NEXT);
    List<Cue> chimes = ofKind(t, CueKind.CHIME);
    assertEquals(
        List.of("Next: Title of second.", "Next: Title of third."),
        next.stream().map(Cue::text).toList());
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
    Timeline t =
        planner.plan(
            Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), false, true, true));
    assertTrue(ofKind(t, CueKind.CHIME).isEmpty());
    assertEquals(TimelinePlanner.BEDTIME_REST_TEXT, ofKind(t, CueKind.CLOSING).get(1).text());
  }

  @Test
  void plan_noChimesOptionLeavesThemOut() {
    Timeline t =
        planner.plan(
            Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), false, false, false));
    assertTrue(ofKind(t, CueKind.CHIME).isEmpty());
    assertEquals(2, ofKind(t, CueKind.NEXT).size());
  }

  @Test
  void plan_preludeSpeaksSafetyThenChecklistThenAsksReadyBeforeTheSteps() {
    Timeline t =
        planner.plan(
            Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), true, true, false));
    List<CueKind> prelude =
        t.cues().stream().filter(c -> c.at().compareTo(t.stepsStart()) < 0).map(Cue::kind).toList();
    // the checklist ends by laying the baby down: the baby is on the tummy only from just before
    // "Ready?"
    assertEquals(
        List.of(
            CueKind.INTRO, CueKind.SAFETY, CueKind.PREPARATION, CueKind.PREPARATION, CueKind.READY),
        prelude);
    assertEquals(
        List.of("Warm room.", "Warm hands."),
        ofKind(t, CueKind.PREPARATION).stream().map(Cue::text).toList());
    assertEquals("Ready? Here is the first step.", ofKind(t, CueKind.READY).get(0).text());
    assertEquals(
        ofKind(t, CueKind.READY).get(0).end().plusSeconds(1).toMillis(),
        t.stepsStart().toMillis(),
        1);
  }

  @Test
  void plan_welcomeIsEnglishAndNamesTheRoutine() {
    Timeline t =
        planner.plan(
            Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), true, true, false));
    assertEquals("Welcome. Time for the test routine.", ofKind(t, CueKind.INTRO).get(0).text());
    Timeline quick = planner.plan(Routines.threeSteps(), PlanOptions.defaults());
    assertEquals(
        "Time for the test routine. Here is the first step.",
        ofKind(quick, CueKind.INTRO).get(0).text());
  }

  @Test
  void titleInSentence_lowercasesAPlainFirstWordOnly() {
    assertEquals("back massage", TimelinePlanner.titleInSentence("Back massage"));
    assertEquals("evening stroking", TimelinePlanner.titleInSentence("Evening stroking."));
    assertEquals("DIY stroking", TimelinePlanner.titleInSentence("DIY stroking"));
    assertEquals("McKenzie stretches", TimelinePlanner.titleInSentence("McKenzie stretches"));
  }

  @Test
  void plan_readyAndStopNameOnlyTheControlsOfTheSession() {
    PlanOptions prep = new PlanOptions(OptionalDouble.empty(), true, true, false);
    Timeline keys = planner.plan(Routines.threeSteps(), prep.withControls(Set.of(Control.KEYS)));
    assertEquals("Ready? To begin, press space.", ofKind(keys, CueKind.READY).get(0).text());
    assertEquals(
        "Welcome. Time for the test routine. To stop at any time, press f.",
        ofKind(keys, CueKind.INTRO).get(0).text());
    Timeline phone = planner.plan(Routines.threeSteps(), prep.withControls(Set.of(Control.PHONE)));
    assertEquals(
        "Ready? To begin, tap Ready on the phone.", ofKind(phone, CueKind.READY).get(0).text());
    assertTrue(
        ofKind(phone, CueKind.INTRO)
            .get(0)
            .text()
            .endsWith("To stop at any time, tap Fussy on the phone."));
    for (Cue c : phone.cues()) {
      assertFalse(c.text().contains("space") || c.text().contains("say ready"), c.text());
    }
    Timeline both =
        planner.plan(Routines.threeSteps(), prep.withControls(Set.of(Control.PHONE, Control.KEYS)));
    assertEquals(
        "Ready? To begin, press space or tap Ready on the phone.",
        ofKind(both, CueKind.READY).get(0).text());
  }

  @Test
  void plan_stopIsSaidOnceEvenWithoutPreparation() {
    Timeline t =
        planner.plan(
            Routines.threeSteps(), PlanOptions.defaults().withControls(Set.of(Control.KEYS)));
    long saidStop = t.cues().stream().filter(c -> c.text().contains("To stop")).count();
    assertEquals(1, saidStop);
    assertEquals(CueKind.INTRO, t.cues().get(0).kind());
    assertTrue(t.cues().get(0).text().contains("press f"));
  }

  @Test
  void plan_halfwayChecksOnTheBaby() {
    Cue halfway =
        ofKind(planner.plan(Routines.threeSteps(), PlanOptions.defaults()), CueKind.HALFWAY).get(0);
    assertEquals(
        "How is your baby? If your baby is crying or tired of lying on the tummy, stop and cuddle.",
        halfway.text());
  }

  @Test
  void plan_bedtimeRestSaysBabiesSleepOnTheirBack() {
    Timeline t =
        planner.plan(
            Routines.threeSteps(), new PlanOptions(OptionalDouble.empty(), false, false, true));
    String rest = ofKind(t, CueKind.CLOSING).get(1).text();
    assertTrue(rest.contains("If your baby falls asleep, lay your baby on the back"), rest);
  }

  @Test
  void plan_fewPromptsKeepsSafetyPromptsAndTheBabyCheckAndDropsTheChatter() {
    Routine r =
        routine(
            new MinutesRange(2, 4),
            step(
                "first",
                90,
                new Prompt.At(20, "Keep talking to your baby."),
                new Prompt.At(50, "Hands beside the spine.", true)),
            step("second", 90, new Prompt.Every(30, "Slow and light.")));
    PlanOptions few = PlanOptions.defaults().withPrompts(PromptAmount.FEW);
    Timeline t = planner.plan(r, few);
    assertEquals(
        List.of("Hands beside the spine."),
        ofKind(t, CueKind.PROMPT).stream().map(Cue::text).toList());
    assertEquals(1, ofKind(t, CueKind.HALFWAY).size());
    assertEquals(1, ofKind(t, CueKind.NEXT).size());
    assertEquals(2, ofKind(t, CueKind.INSTRUCTION).size());
    Timeline normal = planner.plan(r, PlanOptions.defaults());
    assertEquals(
        4, ofKind(normal, CueKind.PROMPT).size()); // 20 s, 50 s, and the repeat at 30 s and 60 s
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
