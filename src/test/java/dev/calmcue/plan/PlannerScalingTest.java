package dev.calmcue.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Planning grows linearly with the number of steps: measured as the placing work done (cues and
 * start candidates looked at), never as time, so the result does not depend on a busy machine.
 */
class PlannerScalingTest {
  /** Work per step allowed: a step has a few cues, each looking at a few neighbours. */
  private static final long WORK_PER_STEP = 150;

  /** {@code steps} steps of 5 s, each with a prompt, chimes on: as dense as a routine can be. */
  static Routine manySteps(int steps) {
    List<Step> list = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      list.add(
          new Step(
              "s" + i, "Step " + i, "Do step " + i + ".", 5, List.of(new Prompt.At(3, "Soft."))));
    }
    return new Routine(
        1,
        "many",
        "Many steps",
        "d",
        "s",
        new MinutesRange(1, 600),
        List.of("Warm hands"),
        List.of("Never press on the spine"),
        list,
        "All done.");
  }

  static long work(int steps) {
    AtomicLong work = new AtomicLong();
    Timeline t =
        new TimelinePlanner(new FakeDurations(40))
            .plan(
                manySteps(steps),
                new PlanOptions(OptionalDouble.empty(), true, true, false),
                work::set);
    assertEquals(steps, t.steps().size());
    return work.get();
  }

  @Test
  void aRoutineOf7200Steps_plansWithLinearWork() {
    long half = work(3600);
    long full = work(7200);

    assertTrue(full <= WORK_PER_STEP * 7200, "work for 7,200 steps: " + full);
    // Twice the steps, about twice the work (a quadratic planner does four times).
    assertTrue(full <= half * 5 / 2, "3,600 steps: " + half + ", 7,200 steps: " + full);
  }

  @Property(tries = 30)
  void placingWork_isBoundedPerStep(@ForAll @IntRange(min = 1, max = 2000) int steps) {
    long work = work(steps);
    assertTrue(work <= WORK_PER_STEP * steps + 1000, steps + " steps took work " + work);
  }
}
