package dev.calmcue.text;

import java.time.Duration;
import java.util.Locale;

/**
 * Times as people read them, the one place they are formatted (status line, history, plans,
 * outlines, messages). Whole seconds are rounded down; negative times read as zero. Caption files
 * have their own timestamp syntax ({@code captions.CaptionFormat}).
 */
public final class TimeText {
  private TimeText() {}

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on: {@code 6:15}, {@code 1:02:03}. */
  public static String clock(Duration d) {
    long s = seconds(d);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : minutes(d);
  }

  /** Minutes and seconds, however many minutes: {@code 6:15}, {@code 75:00}. */
  public static String minutes(Duration d) {
    long s = seconds(d);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Minutes and seconds, two digits each, for a column of start times: {@code 01:00}. */
  public static String padded(Duration d) {
    long s = seconds(d);
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  /** Minutes, seconds and tenths (rounded), for plans: {@code 1:02.5}. */
  public static String tenths(Duration d) {
    long tenths = Math.max(0, Math.round(d.toNanos() / 1e8));
    return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
  }

  private static long seconds(Duration d) {
    return Math.max(0, d.toSeconds());
  }
}
