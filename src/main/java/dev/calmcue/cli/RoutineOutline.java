package dev.calmcue.cli;

import dev.calmcue.routine.ControlChars;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import dev.calmcue.text.TimeText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A routine as a readable outline for {@code calmcue show}: what to prepare, then the timed steps.
 */
final class RoutineOutline {
  private static final int WIDTH = 78;

  private final StringBuilder sb = new StringBuilder();

  private RoutineOutline() {}

  static String of(Routine r) {
    return new RoutineOutline().render(r);
  }

  private String render(Routine r) {
    line(r.title() + " (" + r.id() + ")");
    if (r.description() != null) {
      wrapped("", r.description());
    }
    line("");
    if (r.source() != null) {
      wrapped("Source:   ", r.source());
    }
    line(
        "Minutes:  "
            + r.minutes().min()
            + " to "
            + r.minutes().max()
            + "; the "
            + r.steps().size()
            + (r.steps().size() == 1 ? " step takes " : " steps take ")
            + TimeText.minutes(r.writtenLength())
            + " as written");
    if (!r.preparation().isEmpty()) {
      line("");
      line("Before you start:");
      r.preparation().forEach(p -> wrapped("  [ ] ", p));
    }
    if (!r.safety().isEmpty()) {
      line("");
      line("Safety:");
      r.safety().forEach(s -> wrapped("  !   ", s));
    }
    line("");
    boolean safetyPrompts =
        r.steps().stream().flatMap(s -> s.prompts().stream()).anyMatch(Prompt::safety);
    // The same "!" as the Safety list: these prompts are kept with --prompts few.
    line(safetyPrompts ? "Steps (! a safety prompt, kept with --prompts few):" : "Steps:");
    Duration start = Duration.ZERO;
    int n = 1;
    for (Step s : r.steps()) {
      line(
          "  "
              + TimeText.padded(start)
              + "  "
              + n++
              + ". "
              + s.title()
              + " ("
              + TimeText.minutes(Duration.ofSeconds(s.seconds()))
              + ", "
              + s.pace()
              + " strokes a minute)");
      wrapped("         ", s.say());
      for (Prompt p : s.prompts()) {
        // "+0:25" once, "every 0:25" repeatedly; both padded so the prompt texts line up.
        String when =
            p instanceof Prompt.At a
                ? "+" + TimeText.minutes(Duration.ofSeconds(a.at()))
                : "every " + TimeText.minutes(Duration.ofSeconds(((Prompt.Every) p).every()));
        wrapped((p.safety() ? "       ! " : "         ") + String.format("%-12s", when), p.say());
      }
      start = start.plusSeconds(s.seconds());
    }
    String end = "  " + TimeText.padded(start) + "  End";
    if (r.closing() != null) {
      wrapped(end + ": ", r.closing());
    } else {
      line(end);
    }
    return sb.toString();
  }

  private void line(String s) {
    // Never a control character raw on the terminal, whatever a routine object holds.
    sb.append(ControlChars.escape(s)).append('\n');
  }

  /**
   * {@code text} after {@code lead}, wrapped at {@link #WIDTH} with following lines indented to
   * match.
   */
  private void wrapped(String lead, String text) {
    String indent = " ".repeat(lead.length());
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(lead);
    boolean empty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!empty && current.length() + 1 + word.length() > WIDTH) {
        lines.add(current.toString());
        current = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        current.append(' ');
      }
      current.append(word);
      empty = false;
    }
    lines.add(current.toString());
    lines.forEach(this::line);
  }
}
