package dev.calmcue.live;

import dev.calmcue.plan.PlanOptions;
import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechSettings;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a person chose for a session, from the command line or the phone page, before defaults and
 * presets are applied; {@link #settings()} is the one place they become {@link SessionSettings}, so
 * {@code plan}, {@code play}, {@code render} and {@code serve} always agree on what a choice means.
 *
 * @param minutes length of the steps; empty = as the routine is written
 * @param preparation speak the preparation and safety notes first
 * @param chimes a soft chime between steps (never with bedtime)
 * @param bedtime the bedtime preset: slower, quieter, a softer closing, no chimes
 * @param engine speech engine name, any case
 * @param voice the engine's voice, or null for its default
 * @param wordsPerMinute empty = the voice's own rate (slower at bedtime)
 * @param volumePercent empty = the default (quieter at bedtime)
 * @param prompts every prompt, or only the safety ones
 */
public record SessionChoices(
    OptionalDouble minutes,
    boolean preparation,
    boolean chimes,
    boolean bedtime,
    String engine,
    String voice,
    OptionalInt wordsPerMinute,
    OptionalInt volumePercent,
    PromptAmount prompts) {
  public SessionChoices {
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(wordsPerMinute, "wordsPerMinute");
    Objects.requireNonNull(volumePercent, "volumePercent");
  }

  /** The phone's few choices; everything else as {@code play} has it by default. */
  public static SessionChoices of(
      OptionalDouble minutes,
      boolean preparation,
      boolean chimes,
      boolean bedtime,
      PromptAmount prompts) {
    return new SessionChoices(
        minutes,
        preparation,
        chimes,
        bedtime,
        SpeechSettings.DEFAULT_ENGINE,
        null,
        OptionalInt.empty(),
        OptionalInt.empty(),
        prompts);
  }

  /** The settings these choices mean. */
  public SessionSettings settings() {
    PlanOptions plan =
        new PlanOptions(minutes, preparation, chimes && !bedtime, bedtime).withPrompts(prompts);
    int wpm = wordsPerMinute.orElse(bedtime ? SessionSettings.BEDTIME_RATE : 0);
    int volume =
        volumePercent.orElse(
            bedtime ? SessionSettings.BEDTIME_VOLUME : SessionSettings.DEFAULT_VOLUME);
    SpeechSettings speech = new SpeechSettings(engine.toLowerCase(Locale.ROOT), voice, wpm);
    return new SessionSettings(plan, speech, volume);
  }
}
