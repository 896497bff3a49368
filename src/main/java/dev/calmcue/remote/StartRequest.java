package dev.calmcue.remote;

import dev.calmcue.music.MusicSettings;
import dev.calmcue.plan.PromptAmount;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the phone asks for when it starts a session.
 *
 * @param minutes length of the steps; empty = as the routine is written
 * @param preparation speak intro, preparation and safety first, then wait for "ready"
 * @param prompts every prompt, or only the safety ones ({@code --prompts})
 * @param music the music bed under the voice
 */
public record StartRequest(
    String routineId,
    OptionalDouble minutes,
    boolean bedtime,
    boolean preparation,
    boolean chimes,
    PromptAmount prompts,
    MusicSettings music) {
  public StartRequest {
    Objects.requireNonNull(routineId, "routineId");
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(music, "music");
  }

  /** Every prompt spoken, no music. */
  public StartRequest(
      String routineId,
      OptionalDouble minutes,
      boolean bedtime,
      boolean preparation,
      boolean chimes) {
    this(routineId, minutes, bedtime, preparation, chimes, PromptAmount.NORMAL, MusicSettings.OFF);
  }

  /** No music. */
  public StartRequest(
      String routineId,
      OptionalDouble minutes,
      boolean bedtime,
      boolean preparation,
      boolean chimes,
      PromptAmount prompts) {
    this(routineId, minutes, bedtime, preparation, chimes, prompts, MusicSettings.OFF);
  }

  /** As {@code calmcue play ROUTINE} would: as written, preparation spoken first, chimes on. */
  public static StartRequest of(String routineId) {
    return new StartRequest(routineId, OptionalDouble.empty(), false, true, true);
  }
}
