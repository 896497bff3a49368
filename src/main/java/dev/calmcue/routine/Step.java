package dev.calmcue.routine;

import java.util.List;
import java.util.Objects;

/**
 * One timed step: its instruction ({@code say}) is spoken when it starts, its prompts during it.
 *
 * @param seconds written length of the step, 5..1800
 */
public record Step(String id, String title, String say, int seconds, List<Prompt> prompts) {
  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(say, "say");
    prompts = List.copyOf(prompts == null ? List.of() : prompts);
  }
}
