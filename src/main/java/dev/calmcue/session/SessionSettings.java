package dev.calmcue.session;

import dev.calmcue.music.MusicSettings;
import dev.calmcue.plan.PlanOptions;
import java.util.Objects;
import dev.calmcue.speech.SpeechSettings;

/**
 * Everything that shapes how a session sounds, decided once from the command line or the phone page.
 *
 * @param volumePercent loudness 0..100, applied by scaling samples
 * @param music the music bed under the voice (off unless asked for)
 */
public record SessionSettings(
    PlanOptions plan, SpeechSettings speech, int volumePercent, MusicSettings music) {
  public static final int DEFAULT_VOLUME = 80;
  public static final int BEDTIME_VOLUME = 55;
  /** Words per minute at bedtime: slower than the voice's usual ~150. */
  public static final int BEDTIME_RATE = 125;

  public SessionSettings {
    Objects.requireNonNull(music, "music");
  }

  /** Settings without music. */
  public SessionSettings(PlanOptions plan, SpeechSettings speech, int volumePercent) {
    this(plan, speech, volumePercent, MusicSettings.OFF);
  }
}
