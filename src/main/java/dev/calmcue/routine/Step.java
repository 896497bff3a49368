package dev.calmcue.routine;

import java.util.List;
import java.util.Objects;

/**
 * One timed step: its instruction ({@code say}) is spoken when it starts, its prompts during it.
 *
 * @param seconds written length of the step, 5..1800
 * @param pace strokes per minute the music bed keeps during the step, {@value #MIN_PACE}..{@value
 *     #MAX_PACE}: the step's own, else the routine's, else {@value #DEFAULT_PACE}
 */
public record Step(
    String id, String title, String say, int seconds, List<Prompt> prompts, int pace) {
  /** Slow, long strokes: one every two seconds. */
  public static final int DEFAULT_PACE = 30;

  public static final int MIN_PACE = 20;
  public static final int MAX_PACE = 60;

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(say, "say");
    prompts = List.copyOf(prompts == null ? List.of() : prompts);
    if (pace < MIN_PACE || pace > MAX_PACE) {
      throw new IllegalArgumentException(
          "pace must be " + MIN_PACE + ".." + MAX_PACE + ", got " + pace);
    }
  }

  /** A step at the default pace. */
  public Step(String id, String title, String say, int seconds, List<Prompt> prompts) {
    this(id, title, say, seconds, prompts, DEFAULT_PACE);
  }
}
