package dev.calmcue.captions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One caption entry.
 *
 * @param number 1-based position in the file
 * @param start when it appears, from session start, whole milliseconds
 * @param end when it goes, after {@code start}
 * @param lines the words, wrapped into short lines
 */
public record Caption(int number, Duration start, Duration end, List<String> lines) {
  public Caption {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    lines = List.copyOf(lines);
    if (number < 1 || start.isNegative() || end.compareTo(start) <= 0 || lines.isEmpty()) {
      throw new IllegalArgumentException(
          "bad caption #" + number + " " + start + ".." + end + " " + lines);
    }
  }

  /** The words on one line, as spoken. */
  public String text() {
    return String.join(" ", lines);
  }
}
