package dev.calmcue.routine;

/** The session length a routine is meant for, in whole minutes, {@code min <= max}. */
public record MinutesRange(int min, int max) {
  public MinutesRange {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(
          "minutes must satisfy 1 <= min <= max, got " + min + ".." + max);
    }
  }

  public boolean contains(double minutes) {
    return minutes >= min && minutes <= max;
  }

  @Override
  public String toString() {
    return min + "-" + max + " min";
  }
}
