package dev.calmcue.session;

import dev.calmcue.plan.PlanOptions;
import dev.calmcue.speech.SpeechSettings;

/**
 * Everything that shapes how a session sounds, decided once from the command line or the phone page.
 *
 * @param volumePercent loudness 0..100, applied by scaling samples
 */
public record SessionSettings(PlanOptions plan, SpeechSettings speech, int volumePercent) {
  public static final int DEFAULT_VOLUME = 80;
  public static final int BEDTIME_VOLUME = 55;
  /** Words per minute at bedtime: slower than the voice's usual ~150. */
  public static final int BEDTIME_RATE = 125;
}
