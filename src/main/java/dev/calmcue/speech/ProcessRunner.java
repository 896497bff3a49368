package dev.calmcue.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a helper program to completion with a deadline, so a stuck program never hangs calmcue. */
final class ProcessRunner {
  /** What the program did. */
  record Result(int exitCode, byte[] stdout, String stderr) {}

  /** The program did not finish in time and was killed. */
  static final class Timeout extends Exception {
    Timeout(String message) {
      super(message);
    }
  }

  private ProcessRunner() {}

  /**
   * Runs {@code command} feeding it {@code stdin}, and collects both output streams.
   *
   * @throws IOException if the program cannot be started
   * @throws Timeout if it runs longer than {@code timeout} (it is killed)
   */
  static Result run(List<String> command, byte[] stdin, Duration timeout)
      throws IOException, Timeout {
    Process p = new ProcessBuilder(command).start();
    try {
      // Both streams are drained on their own threads so a chatty program cannot block on a full
      // pipe.
      CompletableFuture<byte[]> out = drain(p.getInputStream(), "stdout");
      CompletableFuture<byte[]> err = drain(p.getErrorStream(), "stderr");
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // The program exited without reading its input; its exit code and stderr will say why.
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new Timeout(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
      }
      long left = Math.max(1, deadline - System.nanoTime());
      byte[] stdout = out.get(left, TimeUnit.NANOSECONDS);
      byte[] stderr = err.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return new Result(p.exitValue(), stdout, new String(stderr).strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(command.get(0) + " was interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("reading the output of " + command.get(0) + ": " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new Timeout(
          command.get(0) + " did not close its output within " + timeout.toSeconds() + " s");
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream, String name) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (stream) {
                result.complete(stream.readAllBytes());
              } catch (IOException e) {
                result.completeExceptionally(e);
              }
            },
            "calmcue-" + name);
    t.setDaemon(true);
    t.start();
    return result;
  }
}
