package dev.calmcue.session;

/**
 * Notices that the session stood still: the process or the machine was suspended (SIGSTOP, a lid
 * closed and opened, a paused virtual machine), so the monotonic clock ran on while nothing was
 * heard. Every chunk it compares the clock with the heard output; a jump of more than {@link
 * #STALL_NANOS} between two measurements is a stall, not an underrun: the {@link UnderrunGuard}
 * would take it back out of the next silences and play every missed cue back to back, and text mode
 * would catch up in a burst. The player treats it like a pause instead. Writer thread only.
 */
final class StallWatch {
  /**
   * Longer than any hiccup of a busy machine (tens of milliseconds; a few hundred at worst), so
   * only a real suspend counts; shorter than the silence between two cues of a step, which is as
   * much as underrun make-up can take back without playing cues back to back.
   */
  static final long STALL_NANOS = 3_000_000_000L;

  /**
   * A stall this long was no slip of the lid: the parent has long stopped (the laptop was shut at
   * the end of the evening), so the session waits, silent and paused, instead of speaking into an
   * empty or sleeping room.
   */
  static final long PAUSE_AFTER_NANOS = 5L * 60 * 1_000_000_000L;

  private final int rate;
  private double speed = 1;

  /** Output heard when the watch (re)started: no measurement until the line has played since. */
  private long heardAtStart;

  /** When output sample 0 would have been heard, by the last measurement; MIN_VALUE if none. */
  private long lastOrigin = Long.MIN_VALUE;

  StallWatch(int rate) {
    this.rate = rate;
  }

  /**
   * Starts over from output sample {@code heard}: the line was opened, dropped its buffer and must
   * start again, or the session went on in text mode at {@code speed} times real time.
   */
  void restart(long heard, double speed) {
    this.speed = speed;
    heardAtStart = heard;
    lastOrigin = Long.MIN_VALUE;
  }

  /**
   * Takes one measurement.
   *
   * @param heard output samples heard so far
   * @param nowNanos the monotonic clock now
   * @return for how long the session stood still, in nanoseconds of the clock, if that was a stall;
   *     0 otherwise
   */
  long check(long heard, long nowNanos) {
    if (heard <= heardAtStart) {
      return 0; // the line has not played since it started: a slow device is not a stall
    }
    long origin = nowNanos - Math.round(heard * 1e9 / rate / speed);
    long jump = lastOrigin == Long.MIN_VALUE ? 0 : origin - lastOrigin;
    lastOrigin = origin;
    if (jump > STALL_NANOS) {
      restart(heard, speed);
      return jump;
    }
    return 0;
  }
}
