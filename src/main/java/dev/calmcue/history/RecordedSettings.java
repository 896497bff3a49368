package dev.calmcue.history;

import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.SessionSettings;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The settings a session ran with, as kept in history (so a parent can see what worked).
 *
 * @param minutes the requested length of the steps; empty = as written in the routine
 * @param wordsPerMinute speaking rate; 0 = the engine's default
 * @param volumePercent output volume, 0-100
 * @param engine speech engine name ({@code freetts}, {@code espeak})
 * @param textMode cues were printed instead of spoken (no audio device, or {@code --text})
 * @param preparation the preparation and safety reminders were spoken before the steps
 * @param music the music bed under the voice by its command-line name ({@code off}, {@code
 *     lullaby}, {@code pulse}); kept as text so a style a newer calmcue wrote still reads
 * @param musicVolumePercent the music's loudness relative to the voice, 0-100
 * @param prompts how many of the routine's prompts were spoken ({@code --prompts})
 */
public record RecordedSettings(
    OptionalDouble minutes,
    int wordsPerMinute,
    int volumePercent,
    boolean bedtime,
    boolean chimes,
    String engine,
    boolean textMode,
    boolean preparation,
    String music,
    int musicVolumePercent,
    PromptAmount prompts) {
  /** What a session without music and with every prompt recorded (and what older lines mean). */
  public static final String NO_MUSIC = "off";

  /** Music volume of lines written before it was recorded (music was off then anyway). */
  public static final int UNRECORDED_MUSIC_VOLUME = 60;

  public RecordedSettings {
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(music, "music");
    Objects.requireNonNull(prompts, "prompts");
  }

  /** Settings of a session without music that spoke every prompt. */
  public RecordedSettings(
      OptionalDouble minutes,
      int wordsPerMinute,
      int volumePercent,
      boolean bedtime,
      boolean chimes,
      String engine,
      boolean textMode,
      boolean preparation) {
    this(
        minutes,
        wordsPerMinute,
        volumePercent,
        bedtime,
        chimes,
        engine,
        textMode,
        preparation,
        NO_MUSIC,
        UNRECORDED_MUSIC_VOLUME,
        PromptAmount.NORMAL);
  }

  /** The same settings, with text mode as the session actually ran. */
  public RecordedSettings withTextMode(boolean text) {
    return new RecordedSettings(
        minutes,
        wordsPerMinute,
        volumePercent,
        bedtime,
        chimes,
        engine,
        text,
        preparation,
        music,
        musicVolumePercent,
        prompts);
  }

  /** What a session with these settings records; {@code textMode} as it actually ran. */
  public static RecordedSettings of(SessionSettings s, boolean textMode) {
    return new RecordedSettings(
        s.plan().minutes(),
        s.speech().wordsPerMinute(),
        s.volumePercent(),
        s.plan().bedtime(),
        s.plan().chimes(),
        s.speech().engine(),
        textMode,
        s.plan().speakPreparation(),
        s.music().style().jsonName(),
        s.music().volumePercent(),
        s.plan().prompts());
  }
}
