package dev.calmcue.cli;

import dev.calmcue.render.RenderProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for renders that take a while: it appears only on a terminal and
 * only once a second has passed (short renders stay quiet), redraws at most ten times a second, and
 * erases itself at the end.
 */
final class ProgressBar implements RenderProgress {
  private static final long SHOW_AFTER = Duration.ofSeconds(1).toNanos();
  private static final long REDRAW_EVERY = Duration.ofMillis(100).toNanos();
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastDrawn = Long.MIN_VALUE;
  private int drawnLength;

  ProgressBar(PrintWriter err, LongSupplier nanoTime) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** A bar on {@code err} if stderr is a terminal, otherwise nothing. */
  static RenderProgress forStderr(PrintWriter err) {
    return Terminals.stderrIsTerminal() ? new ProgressBar(err, System::nanoTime) : RenderProgress.NONE;
  }

  @Override
  public void rendered(long done, long total) {
    long now = nanoTime.getAsLong();
    boolean tooSoon = now - started < SHOW_AFTER;
    boolean justDrawn = lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_EVERY;
    if (tooSoon || justDrawn) {
      return;
    }
    lastDrawn = now;
    double share = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(share * WIDTH);
    String line =
        "rendering [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
            + Math.round(share * 100) + "%";
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    err.flush();
    drawnLength = line.length();
  }

  @Override
  public void finished() {
    if (drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      err.flush();
      drawnLength = 0;
    }
  }
}
