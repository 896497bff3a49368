package dev.calmcue.speech;

import dev.calmcue.CalmcueException;

/** The speaking rates calmcue accepts for every engine; slower or faster speech is hard to follow. */
public final class SpeakingRate {
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
              + " words per minute (0 or no --rate = the voice's normal pace)");
    }
    return requested;
  }
}
