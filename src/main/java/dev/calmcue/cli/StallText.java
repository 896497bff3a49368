package dev.calmcue.cli;

import dev.calmcue.session.SessionEvent;
import dev.calmcue.text.TimeText;

/** How a stall reads on the terminal, the same for {@code play} and {@code serve}'s log. */
final class StallText {
  private StallText() {}

  static String of(SessionEvent.Stalled stall) {
    String what =
        "the session stood still for "
            + TimeText.padded(stall.gap())
            + " (the computer was asleep or suspended)";
    return stall.paused()
        ? what + "; paused: resume when you are ready"
        : what + "; going on from this step's instruction";
  }
}
