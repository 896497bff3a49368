package dev.calmcue.cli;

import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.SessionSettings;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Everything {@code calmcue play} was asked to do, checked once: the cross-option rules live here.
 *
 * @param routine id or file
 * @param text no sound (also when {@code speed != 1})
 */
record PlayRequest(
    String routine,
    SessionSettings session,
    PlayerSettings player,
    boolean text,
    TerminalSession.Display display) {

  static final int MAX_PREROLL_MS = 5000;
  static final double MAX_SPEED = 1000;

  /**
   * @throws ParameterException naming the flag, for a one-line usage error
   */
  static PlayRequest of(
      CommandLine cl,
      String routine,
      SessionSettings session,
      int prerollMs,
      Duration readyTimeout,
      boolean text,
      double speed,
      boolean quiet,
      boolean verbose) {
    if (prerollMs < 0 || prerollMs > MAX_PREROLL_MS) {
      throw new ParameterException(
          cl, "--preroll must be 0 to " + MAX_PREROLL_MS + " ms, got " + prerollMs);
    }
    if (readyTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || readyTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new ParameterException(
          cl, "--ready-timeout must be 1s to 60m, got " + StatusLine.clock(readyTimeout));
    }
    if (!(speed > 0) || speed > MAX_SPEED) {
      throw new ParameterException(
          cl, "--speed must be above 0 and at most " + (int) MAX_SPEED + ", got " + speed);
    }
    if (quiet && verbose) {
      throw new ParameterException(cl, "--quiet and --verbose cannot be used together");
    }
    PlayerSettings player = new PlayerSettings(Duration.ofMillis(prerollMs), readyTimeout, speed);
    boolean textAsked = text || speed != 1.0;
    return new PlayRequest(
        routine,
        session,
        player,
        textAsked,
        new TerminalSession.Display(quiet, verbose, speed, textAsked));
  }
}
