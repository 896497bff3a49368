package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepMapTest {
  // TestSession runs at 1000 samples a second: a sample is a millisecond.
  private final StepMap plain =
      StepMap.of(TestSession.threeSteps().timeline, TestSession.threeSteps().audio);
  private final TestSession prelude = TestSession.withPrelude();
  private final StepMap gated = StepMap.of(prelude.timeline, prelude.audio);

  @Test
  void stepsSpanTheirPlannedSamples() {
    assertEquals(3, plain.count());
    assertEquals(0, plain.start(0));
    assertEquals(10_000, plain.end(0));
    assertEquals(10_000, plain.start(1));
    assertEquals(30_000, plain.end(2));
  }

  @Test
  void stepAt_isMinusOneBefore_theIndexWithin_andTheCountAfterTheSteps() {
    assertEquals(-1, gated.stepAt(0));
    assertEquals(-1, gated.stepAt(gated.start(0) - 1));
    assertEquals(0, gated.stepAt(gated.start(0)));
    assertEquals(0, gated.stepAt(gated.start(1) - 1));
    assertEquals(1, gated.stepAt(gated.start(1)));
    assertEquals(2, gated.stepAt(gated.end(1)));
    assertTrue(gated.isStep(1));
    assertFalse(gated.isStep(2));
    assertFalse(gated.isStep(-1));
  }

  @Test
  void theGateIsWhereTheStepsStart_onlyWhenThePreludeAsksReady() {
    assertTrue(gated.hasGate());
    assertEquals(gated.start(0), gated.gate());
    assertFalse(plain.hasGate());
    assertEquals(-1, plain.gate());
  }

  @Test
  void findsTheClosingAndEachStepsInstruction() {
    TestSession s = TestSession.threeSteps();
    StepMap map = StepMap.of(s.timeline, s.audio);
    assertEquals("Well done. Cuddle time", s.audio.cues().get(map.closingCue()).text());
    assertEquals("Stroke from neck to bottom", s.audio.cues().get(map.instructionCue(1)).text());
  }

  @Test
  void nextBoundary_isTheNearestStepStartOrEnd_afterTheSample_capped() {
    assertEquals(10_000, plain.nextBoundaryAfter(5_000, Long.MAX_VALUE));
    assertEquals(20_000, plain.nextBoundaryAfter(10_000, Long.MAX_VALUE));
    assertEquals(7_000, plain.nextBoundaryAfter(5_000, 7_000));
    assertEquals(99, plain.nextBoundaryAfter(30_000, 99));
  }

  @Test
  void afterStep_isTheNextStepsStart_orTheEndOfTheLast() {
    assertEquals(0, plain.afterStep(-1));
    assertEquals(20_000, plain.afterStep(1));
    assertEquals(30_000, plain.afterStep(2));
  }
}
