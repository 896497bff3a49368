package dev.calmcue.plan;

import java.util.OptionalDouble;

/**
 * How to plan a session.
 *
 * @param minutes length of the steps (first instruction to closing); empty = as written
 * @param speakPreparation speak intro, preparation, safety and the ready question before the steps
 * @param chimes a soft chime between steps
 * @param bedtime softer closing wording, no chimes
 */
public record PlanOptions(
    OptionalDouble minutes, boolean speakPreparation, boolean chimes, boolean bedtime) {

  public static PlanOptions defaults() {
    return new PlanOptions(OptionalDouble.empty(), false, true, false);
  }

  public PlanOptions withMinutes(double m) {
    return new PlanOptions(OptionalDouble.of(m), speakPreparation, chimes, bedtime);
  }
}
