package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * calmcue running in a child process, its output (stdout and stderr together) collected line by
 * line, so a test can wait for what it says. The waits are safety nets against a hang, not speed
 * limits.
 */
final class CalmcueChild implements AutoCloseable {
  private static final Pattern LINK = Pattern.compile("open http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final Arrivals<String> lines;

  /** Starts {@code pb} with its error stream merged into its output. */
  CalmcueChild(ProcessBuilder pb) throws IOException {
    this.process = pb.redirectErrorStream(true).start();
    this.lines = Arrivals.read(process.getInputStream(), "calmcue-child-output", l -> l);
  }

  /** The port {@code serve --port 0} picked, from the link it prints for this machine. */
  int servePort(int seconds) throws InterruptedException {
    await(l -> LINK.matcher(l).find(), seconds);
    Matcher link = LINK.matcher(output());
    assertTrue(link.find(), output());
    return Integer.parseInt(link.group(1));
  }

  /** Waits for the next line (after the last one awaited) matching {@code what}. */
  void await(Predicate<String> what, int seconds) throws InterruptedException {
    if (!seen(what, seconds)) {
      throw new AssertionError("not seen within " + seconds + " s; output:\n" + output());
    }
  }

  /**
   * Waits for a line matching {@code what}, said at any time, also before the last one awaited (for
   * what comes from another thread in no fixed order, like "listening").
   */
  void awaitEver(Predicate<String> what, int seconds) throws InterruptedException {
    if (!lines.any(what)) {
      await(what, seconds);
    }
  }

  /** Whether a next line matching {@code what} comes within {@code seconds}. */
  boolean seen(Predicate<String> what, int seconds) throws InterruptedException {
    return lines.next(what, seconds) != null;
  }

  /** Waits for the child to end and returns its exit code; all its output is read by then. */
  int exit(int seconds) throws InterruptedException {
    assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "calmcue ended:\n" + output());
    lines.awaitEnd(seconds);
    return process.exitValue();
  }

  /**
   * Asks the child to stop as systemd does (SIGTERM), through its handle: Process.destroy() would
   * also close our end of its output, and a test reads what it says while stopping.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  String output() {
    return String.join("\n", lines.all());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
