package dev.calmcue.session;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears the session's events. A listener that throws never stops the session (a broken status
 * line or phone page must not end a bedtime routine): its failure goes, once, to the problem
 * reporter, and it keeps being called.
 */
final class Listeners {
  private final List<Consumer<SessionEvent>> all = new CopyOnWriteArrayList<>();
  private final Set<Consumer<SessionEvent>> failed = ConcurrentHashMap.newKeySet();
  private volatile Consumer<Throwable> problems = e -> {};

  void add(Consumer<SessionEvent> listener) {
    all.add(Objects.requireNonNull(listener));
  }

  void reportProblemsTo(Consumer<Throwable> reporter) {
    problems = Objects.requireNonNull(reporter);
  }

  void emit(SessionEvent e) {
    for (Consumer<SessionEvent> l : all) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        if (failed.add(l)) {
          report(ex);
        }
      }
    }
  }

  private void report(RuntimeException e) {
    try {
      problems.accept(e);
    } catch (RuntimeException ignored) {
      // the reporter itself is broken: nothing left to tell
    }
  }
}
