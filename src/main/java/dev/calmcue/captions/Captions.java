package dev.calmcue.captions;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The captions of a session: one entry per cue, shown from the cue's start to its end in the plan,
 * with the words as spoken. A chime is captioned {@value #CHIME}, the way captions for deaf and
 * hard of hearing viewers describe meaningful sounds in brackets: the chime is what tells a
 * listener that the next step begins.
 */
public final class Captions {
  /** The caption of a chime cue. */
  public static final String CHIME = "[soft chime]";

  /** Longest caption line; 42 characters is the common broadcast and streaming limit. */
  public static final int LINE_LENGTH = 42;

  private Captions() {}

  public static List<Caption> of(Timeline timeline) {
    List<Caption> out = new ArrayList<>();
    for (Cue cue : timeline.cues()) {
      String text =
          cue.kind() == CueKind.CHIME ? CHIME : cue.text().strip().replaceAll("\\s+", " ");
      if (text.isEmpty()) {
        continue;
      }
      Duration start = toMillis(cue.at());
      // A caption must last at least a millisecond to be shown at all.
      Duration end = toMillis(cue.end());
      if (end.compareTo(start) <= 0) {
        end = start.plusMillis(1);
      }
      out.add(new Caption(out.size() + 1, start, end, wrap(text, LINE_LENGTH)));
    }
    return out;
  }

  /**
   * Splits words into lines of at most {@code width} characters (a longer word gets its own line).
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static Duration toMillis(Duration d) {
    return Duration.ofMillis(Math.round(d.toNanos() / 1e6));
  }
}
