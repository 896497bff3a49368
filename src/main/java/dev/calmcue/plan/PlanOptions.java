package dev.calmcue.plan;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How to plan a session.
 *
 * @param minutes length of the steps (first instruction to closing); empty = as written
 * @param speakPreparation speak intro, safety, preparation and the ready question before the steps
 * @param chimes a soft chime between steps
 * @param bedtime softer closing wording (with the safe-sleep line), no chimes
 * @param controls how the parent can answer "Ready?" and stop in this session; the prelude names
 *     exactly these (empty: nobody answers, as in a rendered file)
 * @param prompts how many of the routine's prompts are spoken
 */
public record PlanOptions(
    OptionalDouble minutes,
    boolean speakPreparation,
    boolean chimes,
    boolean bedtime,
    Set<Control> controls,
    PromptAmount prompts) {

  public PlanOptions {
    Objects.requireNonNull(minutes, "minutes");
    controls = Set.copyOf(controls);
    Objects.requireNonNull(prompts, "prompts");
  }

  /** No controls named, every prompt spoken. */
  public PlanOptions(
      OptionalDouble minutes, boolean speakPreparation, boolean chimes, boolean bedtime) {
    this(minutes, speakPreparation, chimes, bedtime, Set.of(), PromptAmount.NORMAL);
  }

  public static PlanOptions defaults() {
    return new PlanOptions(OptionalDouble.empty(), false, true, false);
  }

  public PlanOptions withMinutes(double m) {
    return new PlanOptions(
        OptionalDouble.of(m), speakPreparation, chimes, bedtime, controls, prompts);
  }

  public PlanOptions withSpeakPreparation(boolean speak) {
    return new PlanOptions(minutes, speak, chimes, bedtime, controls, prompts);
  }

  public PlanOptions withControls(Set<Control> c) {
    return new PlanOptions(minutes, speakPreparation, chimes, bedtime, c, prompts);
  }

  public PlanOptions withPrompts(PromptAmount p) {
    return new PlanOptions(minutes, speakPreparation, chimes, bedtime, controls, p);
  }
}
