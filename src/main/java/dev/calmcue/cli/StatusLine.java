package dev.calmcue.cli;

import dev.calmcue.routine.ControlChars;
import dev.calmcue.session.SessionSnapshot;
import dev.calmcue.text.TimeText;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The one live line a parent may glance at: routine, step k/n and its title, elapsed and remaining
 * time of the step and the session, a progress bar and the words being spoken. Redrawn in place
 * with carriage return and erase-line; other lines are printed above it without tearing it.
 */
final class StatusLine {
  private static final int BAR = 12;

  private final PrintWriter out;
  private final boolean live;
  private String shown = "";

  /**
   * @param live draw in place (a terminal); otherwise {@link #show} prints nothing
   */
  StatusLine(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
  }

  /** Redraws the line if it changed. */
  synchronized void show(String line) {
    if (!live || line.equals(shown)) {
      return;
    }
    shown = line;
    out.print("\r" + line + "\033[K");
    out.flush();
  }

  /** Prints a whole line above the status line, then draws the status line again. */
  synchronized void println(String line) {
    if (live && !shown.isEmpty()) {
      out.print("\r\033[K");
    }
    out.println(ControlChars.escape(line));
    if (live && !shown.isEmpty()) {
      out.print(shown);
    }
    out.flush();
  }

  /** Leaves the status line as the last thing printed and moves below it. */
  synchronized void finish() {
    if (live && !shown.isEmpty()) {
      out.println();
      out.flush();
    }
    shown = "";
  }

  /** The status of {@code s} in at most {@code width} characters. */
  static String render(SessionSnapshot s, int width) {
    StringBuilder b = new StringBuilder();
    b.append(ControlChars.escape(s.title())).append(" | ");
    switch (s.phase()) {
      case PAUSED:
        b.append("PAUSED (space resumes) | ");
        break;
      case WAITING_FOR_READY:
        b.append("waiting: press space when ready | ");
        break;
      default:
        break;
    }
    if (s.stepIndex() >= 0 && s.stepIndex() < s.stepCount()) {
      b.append("step ")
          .append(s.stepIndex() + 1)
          .append('/')
          .append(s.stepCount())
          .append(' ')
          .append(ControlChars.escape(s.stepTitle()))
          .append(' ')
          .append(clock(s.stepElapsed()))
          .append(" (")
          .append(clock(s.stepRemaining()))
          .append(" left)");
    } else {
      b.append(ControlChars.escape(s.stepTitle()));
    }
    b.append(" | ")
        .append(clock(s.sessionElapsed()))
        .append(" of ")
        .append(clock(s.sessionTotal()))
        .append(" (")
        .append(clock(s.sessionRemaining()))
        .append(" left) ")
        .append(bar(s.sessionElapsed(), s.sessionTotal()));
    if (!s.speaking().isEmpty()) {
      b.append(" \"").append(ControlChars.escape(s.speaking())).append('"');
    }
    return fit(b.toString(), width);
  }

  static String fit(String line, int width) {
    if (width <= 1 || line.length() < width) {
      return line;
    }
    return line.substring(0, Math.max(0, width - 2)) + "…";
  }

  static String bar(Duration elapsed, Duration total) {
    double f = total.isZero() ? 1 : Math.min(1.0, (double) elapsed.toMillis() / total.toMillis());
    int full = (int) Math.round(f * BAR);
    return "[" + "#".repeat(full) + "-".repeat(BAR - full) + "]";
  }

  /** m:ss, or h:mm:ss from an hour on ({@link TimeText#clock}). */
  static String clock(Duration d) {
    return TimeText.clock(d);
  }
}
