package dev.calmcue.plan;

import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import java.util.List;

/** Small routines for planner tests. */
final class Routines {
  private Routines() {}

  static Step step(String id, int seconds, Prompt... prompts) {
    return new Step(id, "Title of " + id, "Do the " + id + " now.", seconds, List.of(prompts));
  }

  static Routine routine(MinutesRange minutes, Step... steps) {
    return new Routine(
        1,
        "test",
        "Test routine",
        "d",
        "s",
        minutes,
        List.of("Warm room", "Warm hands"),
        List.of("Never press on the spine"),
        List.of(steps),
        "All done.");
  }

  static Routine threeSteps() {
    return routine(
        new MinutesRange(2, 4),
        step(
            "first",
            60,
            new Prompt.At(20, "Slow and light."),
            new Prompt.Every(25, "Keep talking to your baby.")),
        step("second", 60, new Prompt.At(30, "Soft hands.")),
        step("third", 60));
  }
}
