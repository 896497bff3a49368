package dev.calmcue.cli;

/** The one table of exit codes. */
public final class ExitCodes {
  public static final int OK = 0;

  /** Something failed while running (device, disk, engine). */
  public static final int RUNTIME = 1;

  /** The user gave a wrong flag, file or routine. */
  public static final int USAGE = 2;

  /** Stopped by Ctrl-C (128 + SIGINT). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
