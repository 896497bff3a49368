package dev.calmcue.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the prelude says about the session's controls: only what works here. "Press space" is false
 * on the phone, "say ready" is false while no microphone listens.
 */
public final class SpokenControls {
  /** "Ready?" when nobody can answer (a rendered file): the steps simply follow. */
  static final String READY_UNANSWERED = "Ready? Here is the first step.";

  private SpokenControls() {}

  /** The ready question, naming every way to answer it in this session. */
  public static String ready(Set<Control> controls) {
    List<String> ways = ways(controls, Control::answer);
    return ways.isEmpty() ? READY_UNANSWERED : "Ready? To begin, " + either(ways) + ".";
  }

  /** How to stop early, said once near the start; empty when nothing can stop the session. */
  public static String stop(Set<Control> controls) {
    List<String> ways = ways(controls, Control::stop);
    return ways.isEmpty() ? "" : "To stop at any time, " + either(ways) + ".";
  }

  /** The phrase for each control of the session, in a fixed order. */
  private static List<String> ways(Set<Control> controls, Function<Control, String> phrase) {
    List<String> ways = new ArrayList<>();
    for (Control c : Control.values()) {
      if (controls.contains(c)) {
        ways.add(phrase.apply(c));
      }
    }
    return ways;
  }

  /** "a", "a or b", "a, b or c". */
  private static String either(List<String> ways) {
    if (ways.size() == 1) {
      return ways.get(0);
    }
    return String.join(", ", ways.subList(0, ways.size() - 1)) + " or " + ways.get(ways.size() - 1);
  }
}
