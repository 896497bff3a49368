package dev.calmcue.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What another process says, line by line as it comes (a child's output, a page's event stream),
 * read on a daemon thread, so a test can wait for the next thing it expects. The waits are safety
 * nets against a hang, not speed limits.
 */
final class Arrivals<T> {
  /** Turns one line into an item; null skips the line. */
  interface Parser<T> {
    T parse(String line) throws IOException;
  }

  private final List<T> items = new ArrayList<>();
  private final Thread reader;
  private int taken;

  private Arrivals(InputStream in, String name, Parser<T> parser) {
    reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  T item = parser.parse(l);
                  if (item != null) {
                    synchronized (items) {
                      items.add(item);
                      items.notifyAll();
                    }
                  }
                }
              } catch (IOException e) {
                // the other end closed
              }
            },
            name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads {@code in} on a daemon thread named {@code name} until it ends. */
  static <T> Arrivals<T> read(InputStream in, String name, Parser<T> parser) {
    return new Arrivals<>(in, name, parser);
  }

  /** The next item (after the last one taken) matching {@code what}, or null after the wait. */
  T next(Predicate<? super T> what, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (items) {
      while (true) {
        for (; taken < items.size(); taken++) {
          if (what.test(items.get(taken))) {
            return items.get(taken++);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        items.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Whether any item so far, taken or not, matches {@code what}. */
  boolean any(Predicate<? super T> what) {
    synchronized (items) {
      return items.stream().anyMatch(what);
    }
  }

  /** Everything so far. */
  List<T> all() {
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  /** Waits until the stream has ended and every line of it is here. */
  void awaitEnd(int seconds) throws InterruptedException {
    reader.join(TimeUnit.SECONDS.toMillis(seconds));
  }
}
