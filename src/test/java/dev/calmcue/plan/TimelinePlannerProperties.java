package dev.calmcue.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the planner over many generated routines and options. */
class TimelinePlannerProperties {

  /** A routine, options and a speaking speed, generated together. */
  record Case(Routine routine, PlanOptions options, long millisPerChar) {}

  private Timeline planOrSkip(Case c) {
    try {
      return new TimelinePlanner(new FakeDurations(c.millisPerChar()))
          .plan(c.routine(), c.options());
    } catch (CalmcueException e) {
      // Only a step too short for its own instruction may refuse; anything else is a bug.
      assertEquals(CalmcueException.Kind.INPUT, e.kind());
      assertTrue(e.getMessage().startsWith("step '"), e.getMessage());
      Assume.that(false);
      throw e;
    }
  }

  @Property(tries = 400)
  void plan_neverOverlapsCues(@ForAll("cases") Case c) {
    List<Cue> cues = planOrSkip(c).cues();
    for (int i = 1; i < cues.size(); i++) {
      assertTrue(
          cues.get(i - 1).end().compareTo(cues.get(i).at()) <= 0,
          "overlap: " + cues.get(i - 1) + " and " + cues.get(i));
    }
  }

  @Property(tries = 400)
  void plan_keepsStepOrderWithInstructionsAtStepStarts(@ForAll("cases") Case c) {
    Timeline t = planOrSkip(c);
    List<Cue> instructions =
        t.cues().stream().filter(x -> x.kind() == CueKind.INSTRUCTION).toList();
    List<Step> steps = c.routine().steps();
    assertEquals(steps.size(), instructions.size());
    for (int i = 0; i < steps.size(); i++) {
      assertEquals(steps.get(i).say(), instructions.get(i).text());
      assertEquals(t.steps().get(i).start(), instructions.get(i).at());
      assertEquals(steps.get(i).id(), t.steps().get(i).id());
    }
    for (Cue cue : t.cues()) {
      if (cue.kind() == CueKind.PROMPT
          || cue.kind() == CueKind.NEXT
          || cue.kind() == CueKind.CHIME) {
        StepSpan span =
            t.steps().stream().filter(s -> s.id().equals(cue.stepId())).findFirst().orElseThrow();
        assertTrue(
            cue.at().compareTo(span.start()) >= 0 && cue.end().compareTo(span.end()) <= 0,
            cue.toString());
      }
    }
  }

  @Property(tries = 400)
  void plan_totalsAreRight(@ForAll("cases") Case c) {
    Timeline t = planOrSkip(c);
    Duration stepsLength = t.steps().get(t.steps().size() - 1).end().minus(t.stepsStart());
    Duration expected =
        c.options().minutes().isPresent()
            ? Duration.ofMillis(Math.round(c.options().minutes().getAsDouble() * 60_000))
            : c.routine().writtenLength();
    assertEquals(expected, stepsLength);
    Cue closing =
        t.cues().stream().filter(x -> x.kind() == CueKind.CLOSING).findFirst().orElseThrow();
    assertEquals(t.stepsStart().plus(stepsLength), closing.at());
    assertEquals(t.cues().get(t.cues().size() - 1).end(), t.total());
    for (int i = 1; i < t.steps().size(); i++) {
      assertEquals(t.steps().get(i - 1).end(), t.steps().get(i).start());
    }
  }

  @Property(tries = 400)
  void plan_everySayIsSpokenOrReportedDropped(@ForAll("cases") Case c) {
    Timeline t = planOrSkip(c);
    for (int i = 0; i < c.routine().steps().size(); i++) {
      Step step = c.routine().steps().get(i);
      for (Prompt p : step.prompts()) {
        long spoken =
            t.cues().stream()
                .filter(
                    x ->
                        x.kind() == CueKind.PROMPT
                            && x.text().equals(p.say())
                            && step.id().equals(x.stepId()))
                .count();
        long dropped =
            t.dropped().stream()
                .filter(x -> x.text().equals(p.say()) && step.id().equals(x.stepId()))
                .count();
        if (p instanceof Prompt.At) {
          assertEquals(1, spoken + dropped, "at-prompt must be spoken or reported once: " + p);
        } else {
          long period = ((Prompt.Every) p).every() * 1000L;
          long expected = (t.steps().get(i).length().toMillis() - 1) / period;
          assertEquals(expected, spoken + dropped, "every-prompt occurrences: " + p);
        }
      }
    }
    for (DroppedCue d : t.dropped()) {
      assertTrue(d.kind() != CueKind.INSTRUCTION && !d.reason().isBlank());
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(5, 300),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(60),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 1_000_000))
            .as(TimelinePlannerProperties::step);
    Arbitrary<List<Step>> steps =
        step.list().ofMinSize(1).ofMaxSize(8).map(TimelinePlannerProperties::uniqueIds);
    return Combinators.combine(
            steps,
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(20, 90))
        .as(TimelinePlannerProperties::newCase);
  }

  private static Case newCase(
      List<Step> steps,
      double minutesPick,
      boolean prep,
      boolean chimes,
      boolean bedtime,
      long mpc) {
    long total = steps.stream().mapToLong(Step::seconds).sum();
    int min = (int) Math.max(1, total / 60 - 1);
    int max = (int) (total / 60 + 2);
    Routine r =
        new Routine(
            1,
            "gen",
            "Generated",
            null,
            null,
            new MinutesRange(min, max),
            List.of("Warm room"),
            List.of("Never press on the spine"),
            steps,
            null);
    OptionalDouble minutes =
        minutesPick < 0.3
            ? OptionalDouble.empty()
            : OptionalDouble.of(Math.round((min + (max - min) * minutesPick) * 10) / 10.0);
    return new Case(r, new PlanOptions(minutes, prep, chimes, bedtime), mpc);
  }

  /** A step whose prompts are derived from a seed, so shrinking keeps them valid. */
  private static Step step(int seconds, String say, int promptCount, int seed) {
    java.util.Random rnd = new java.util.Random(seed);
    List<Prompt> prompts = new ArrayList<>();
    for (int i = 0; i < promptCount && seconds > 5; i++) {
      String text =
          "prompt " + i + " " + say.substring(0, Math.min(say.length(), rnd.nextInt(40) + 1));
      if (rnd.nextBoolean()) {
        prompts.add(new Prompt.At(1 + rnd.nextInt(seconds - 1), text));
      } else {
        prompts.add(new Prompt.Every(5 + rnd.nextInt(seconds - 5), text));
      }
    }
    return new Step("s", "Step " + say, "Say " + say, seconds, prompts);
  }

  private static List<Step> uniqueIds(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      out.add(new Step("step-" + i, s.title(), s.say(), s.seconds(), s.prompts()));
    }
    return out;
  }
}
