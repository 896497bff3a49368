package dev.calmcue.history;

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
 */
public record RecordedSettings(
    OptionalDouble minutes,
    int wordsPerMinute,
    int volumePercent,
    boolean bedtime,
    boolean chimes,
    String engine,
    boolean textMode,
    boolean preparation) {
  public RecordedSettings {
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(engine, "engine");
  }

  /** The same settings, with text mode as the session actually ran. */
  public RecordedSettings withTextMode(boolean text) {
    return new RecordedSettings(
        minutes, wordsPerMinute, volumePercent, bedtime, chimes, engine, text, preparation);
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
        s.plan().speakPreparation());
  }
}
