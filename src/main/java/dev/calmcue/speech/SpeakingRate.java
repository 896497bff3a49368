package dev.calmcue.speech;

import dev.calmcue.CalmcueException;

/**
 * The speaking rates calmcue accepts for every engine; slower or faster speech is hard to follow.
 *
 * <p>A rate is heard words per minute: words divided by the length of the trimmed clip of one
 * sentence, as a listener would time it. Engines calibrate their own nominal rate to this
 * (FreeTTS's nominal 150 is heard as about 207), so {@code --rate 140} sounds the same pace on
 * every engine.
 */
public final class SpeakingRate {
  /** Default pace: calm guided speech is about 110-140 heard words per minute. */
  public static final int DEFAULT_WPM = 140;

  /** Pace with {@code --bedtime}: slower still. */
  public static final int BEDTIME_WPM = 120;

  /** Slowest accepted rate, words per minute. */
  public static final int MIN_WPM = 80;

  /** Fastest accepted rate, words per minute. */
  public static final int MAX_WPM = 220;

  private SpeakingRate() {}

  /**
   * The rate to use: {@code requested}, or {@code engineDefault} when {@code requested} is 0.
   *
   * @throws CalmcueException (input) naming {@code --rate} when the rate is out of range
   */
  public static int resolve(int requested, int engineDefault) {
    if (requested == 0) {
      return engineDefault;
    }
    if (requested < MIN_WPM || requested > MAX_WPM) {
      throw CalmcueException.input(
          "--rate "
              + requested
              + " is out of range: use "
              + MIN_WPM
              + " to "
              + MAX_WPM
              + " words per minute (0 or no --rate = "
              + DEFAULT_WPM
              + ")");
    }
    return requested;
  }
}
