package dev.calmcue.cli;

import dev.calmcue.render.RenderProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr for renders that take a while: first how many speech clips
 * are ready, then a bar of the samples written. It appears only on a terminal and only once a
 * second has passed since the command started (short renders stay quiet), redraws at most ten times
 * a second, and erases itself at the end.
 */
final class ProgressBar implements RenderProgress {
  private static final long SHOW_AFTER = Duration.ofSeconds(1).toNanos();
  private static final long REDRAW_EVERY = Duration.ofMillis(100).toNanos();
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final long started;
  private final boolean visible;
  private long lastDrawn = Long.MIN_VALUE;
  private int drawnLength;
  private int clips;

  /**
   * @param visible false draws nothing (stderr is a file or a pipe)
   */
  ProgressBar(PrintWriter err, LongSupplier nanoTime, boolean visible) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.visible = visible;
  }

  /** A display on {@code err}, drawn only if stderr is a terminal; start it with the command. */
  static ProgressBar forStderr(PrintWriter err) {
    return new ProgressBar(
        err, System::nanoTime, Terminals.stderrIsTerminal() && !Terminals.plain());
  }

  /** One more cue's speech is ready (synthesized or from the cache). */
  void clipReady() {
    clips++;
    if (due()) {
      draw("preparing speech: " + clips + (clips == 1 ? " clip" : " clips"));
    }
  }

  @Override
  public void rendered(long done, long total) {
    if (due() || (done == total && drawnLength > 0)) {
      double share = total == 0 ? 1 : (double) done / total;
      int filled = (int) Math.round(share * WIDTH);
      draw(
          "rendering ["
              + "#".repeat(filled)
              + ".".repeat(WIDTH - filled)
              + "] "
              + Math.round(share * 100)
              + "%");
    }
  }

  private boolean due() {
    if (!visible) {
      return false;
    }
    long now = nanoTime.getAsLong();
    boolean tooSoon = now - started < SHOW_AFTER;
    boolean justDrawn = lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_EVERY;
    if (tooSoon || justDrawn) {
      return false;
    }
    lastDrawn = now;
    return true;
  }

  private void draw(String line) {
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    err.flush();
    drawnLength = Math.max(drawnLength, line.length());
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
