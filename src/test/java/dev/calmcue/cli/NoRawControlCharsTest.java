package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.routine.ControlChars;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import dev.calmcue.session.SessionSnapshot;
import dev.calmcue.session.SessionSnapshot.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loader refuses control characters in routine texts; whatever a routine object holds anyway,
 * show and the status line never put ESC or BEL on the terminal raw.
 */
class NoRawControlCharsTest {
  static final String EVIL = "Evil\u001b]0;pwned\u0007\u001b[2J";

  @Test
  void show_escapesControlCharacters() {
    Routine r =
        new Routine(
            1,
            "evil",
            EVIL,
            "about " + EVIL,
            null,
            new MinutesRange(1, 2),
            List.of(EVIL),
            List.of(EVIL),
            List.of(new Step("a", EVIL, EVIL, 60, List.of(new Prompt.At(10, EVIL)))),
            EVIL);

    String shown = RoutineOutline.of(r);

    assertEquals(-1, ControlChars.indexOf(shown.replace("\n", "")), shown);
    assertTrue(shown.contains("Evil\\u001b]0;pwned\\u0007\\u001b[2J"), shown);
  }

  @Test
  void theStatusLine_andTheLinesAboveIt_escapeControlCharacters() {
    SessionSnapshot s =
        new SessionSnapshot(
            "evil",
            EVIL,
            Phase.PLAYING,
            0,
            1,
            EVIL,
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            EVIL,
            null,
            null,
            null,
            null,
            null,
            null);
    StringWriter out = new StringWriter();

    String line = StatusLine.render(s, 500);
    new StatusLine(new PrintWriter(out), false).println("[0:05] " + EVIL);

    assertEquals(-1, ControlChars.indexOf(line), line);
    assertEquals(-1, ControlChars.indexOf(out.toString().replace("\n", "")), out.toString());
  }
}
