package dev.calmcue.session;

import dev.calmcue.music.MusicSettings;
import dev.calmcue.plan.Control;
import dev.calmcue.plan.PlanOptions;
import dev.calmcue.speech.SpeakingRate;
import dev.calmcue.speech.SpeechSettings;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that shapes how a session sounds, decided once from the command line or the phone
 * page.
 *
 * @param volumePercent loudness 0..100, applied by scaling samples
 * @param music the music bed under the voice (off unless asked for)
 */
public record SessionSettings(
    PlanOptions plan, SpeechSettings speech, int volumePercent, MusicSettings music) {
  public static final int DEFAULT_VOLUME = 80;
  public static final int BEDTIME_VOLUME = 55;

  /** Heard words per minute at bedtime: slower than the usual 140. */
  public static final int BEDTIME_RATE = SpeakingRate.BEDTIME_WPM;

  public SessionSettings {
    Objects.requireNonNull(music, "music");
  }

  /** Settings without music. */
  public SessionSettings(PlanOptions plan, SpeechSettings speech, int volumePercent) {
    this(plan, speech, volumePercent, MusicSettings.OFF);
  }

  /** The same session with {@code music} under the voice. */
  public SessionSettings withMusic(MusicSettings music) {
    return new SessionSettings(plan, speech, volumePercent, music);
  }

  /** The same session, answered and stopped with {@code controls} (see {@link PlanOptions}). */
  public SessionSettings withControls(Set<Control> controls) {
    return new SessionSettings(plan.withControls(controls), speech, volumePercent, music);
  }
}
