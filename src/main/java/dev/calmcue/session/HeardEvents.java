package dev.calmcue.session;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * What to report once a given output sample has been heard (not when it is written ahead into the
 * line's buffer). Events due at the same sample come out in the order of their kind's {@link
 * Heard#rank()} (a step ends before the next starts, a step starts before its cue), then in the
 * order they were added.
 */
final class HeardEvents {
  /** Something that happens when its sample is heard; the type sets its rank. */
  sealed interface Heard {
    int rank();
  }

  /** A step was played to its end (it counts as completed unless it was skipped). */
  record StepDone(int step) implements Heard {
    @Override
    public int rank() {
      return 0;
    }
  }

  /** A step begins; reported as is. */
  record StepBegins(SessionEvent.StepStarted event) implements Heard {
    @Override
    public int rank() {
      return 1;
    }
  }

  /** Words start to sound, until output sample {@code untilOut}; shown in the snapshot. */
  record Speaking(String text, long untilOut) implements Heard {
    @Override
    public int rank() {
      return 2;
    }
  }

  /** A cue starts to sound; reported as is. */
  record CueBegins(SessionEvent.CueStarted event) implements Heard {
    @Override
    public int rank() {
      return 2;
    }
  }

  /** The prelude is over and "Ready?" waits for an answer; reported as is. */
  record WaitBegins(SessionEvent.WaitingForReady event) implements Heard {
    @Override
    public int rank() {
      return 3;
    }
  }

  private record Due(long out, long seq, Heard what) {}

  private final PriorityQueue<Due> due =
      new PriorityQueue<>(
          Comparator.comparingLong(Due::out)
              .thenComparingInt((Due d) -> d.what().rank())
              .thenComparingLong(Due::seq));
  private long seq;

  /** Events waiting to be heard (bounded by the line's buffer, not the session's length). */
  int size() {
    return due.size();
  }

  /** Reports {@code what} once output sample {@code out} has been heard. */
  void at(long out, Heard what) {
    due.add(new Due(out, seq++, what));
  }

  /** Hands over, in order, everything due by output sample {@code heard}. */
  void heardUpTo(long heard, Consumer<Heard> to) {
    while (!due.isEmpty() && due.peek().out() <= heard) {
      to.accept(due.poll().what());
    }
  }

  /** Hands over everything still waiting (the session is over: all of it has been heard). */
  void all(Consumer<Heard> to) {
    while (!due.isEmpty()) {
      to.accept(due.poll().what());
    }
  }

  /** Forgets what was due from output sample {@code out} on (that sound was never heard). */
  void forgetFrom(long out) {
    due.removeIf(d -> d.out() >= out);
  }
}
