package dev.calmcue.session;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The player's {@link OutputMixer}s, in the order added. Added from any thread, run on the writer
 * thread. A mixer that throws is dropped (its sound stops, the session goes on) and reported once.
 */
final class OutputMixers {
  private final List<OutputMixer> all = new CopyOnWriteArrayList<>();
  private final Consumer<RuntimeException> problems;

  OutputMixers(Consumer<RuntimeException> problems) {
    this.problems = problems;
  }

  void add(OutputMixer mixer) {
    all.add(Objects.requireNonNull(mixer));
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  void mix(long at, short[] block, int length, long queuedAhead, long nowNanos) {
    for (OutputMixer m : all) {
      try {
        m.mix(at, block, length, queuedAhead, nowNanos);
      } catch (RuntimeException e) {
        all.remove(m);
        problems.accept(e);
      }
    }
  }
}
