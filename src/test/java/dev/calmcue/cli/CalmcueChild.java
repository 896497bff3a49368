package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * calmcue running in a child process, its output (stdout and stderr together) collected line by
 * line, so a test can wait for what it says. The waits are safety nets against a hang, not speed
 * limits.
 */
final class CalmcueChild implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private int seen;

  /** Starts {@code pb} with its error stream merged into its output. */
  CalmcueChild(ProcessBuilder pb) throws IOException {
    this.process = pb.redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  synchronized (lines) {
                    lines.add(l);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the child ended
              }
            },
            "calmcue-child-reader");
    reader.setDaemon(true);
    reader.start();
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
    synchronized (lines) {
      if (lines.stream().anyMatch(what)) {
        return;
      }
    }
    await(what, seconds);
  }

  /** Whether a next line matching {@code what} comes within {@code seconds}. */
  boolean seen(Predicate<String> what, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (what.test(lines.get(seen))) {
            seen++;
            return true;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lines.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits for the child to end and returns its exit code. */
  int exit(int seconds) throws InterruptedException {
    assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "calmcue ended:\n" + output());
    return process.exitValue();
  }

  /** Asks the child to stop as systemd does (SIGTERM), keeping its output readable. */
  void terminate() {
    process.toHandle().destroy();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
