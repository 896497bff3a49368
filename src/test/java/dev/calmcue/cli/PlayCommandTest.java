package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** calmcue play as a user runs it without a terminal: text mode on a fast clock, and bad input. */
class PlayCommandTest {
  static final String ROUTINE = "src/test/resources/play/short-routine.json";
  private static final Pattern STACK_LINE = Pattern.compile("(?m)^[ \\t]+at ");

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    Result r = new Result(code, out.toString(), err.toString());
    assertFalse(STACK_LINE.matcher(r.out + r.err).find(), r::toString);
    return r;
  }

  @Test
  void text_printsEveryCueInOrder_announcesTextModeOnce_andCompletes() {
    Result r = run("play", ROUTINE, "--no-prep", "--speed", "200");
    assertEquals(0, r.code(), r::toString);
    List<String> cues = r.out().lines().filter(l -> l.startsWith("[")).toList();
    assertEquals("[0:00] Short test routine. Let's begin.", cues.get(0), r::toString);
    assertTrue(cues.get(1).endsWith("] Rest your hands on the back."), r::toString);
    assertTrue(cues.get(cues.size() - 2).endsWith("Well done."), r::toString);
    assertTrue(r.out().contains("Session complete: 3 steps completed"), r::toString);
    assertEquals(1, r.err().lines().filter(l -> l.contains("text mode")).count(), r::toString);
  }

  @Test
  void prepWithoutKeyboard_speaksThePrelude_thenStartsWithoutWaiting() {
    Result r = run("play", ROUTINE, "--speed", "200");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Ready? Press space, or say ready."), r::toString);
    assertTrue(r.out().contains("starting the steps now"), r::toString);
    assertTrue(r.out().contains("Session complete: 3 steps completed"), r::toString);
  }

  @Test
  void quiet_printsNothingButTheTextModeNotice() {
    Result r = run("play", ROUTINE, "--no-prep", "--speed", "200", "--quiet");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void verbose_logsWhatIsSpoken_onStderrOnly() {
    Result r = run("play", ROUTINE, "--no-prep", "--speed", "200", "--verbose");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().lines().anyMatch(l -> l.matches("calmcue: \\d+:\\d\\d instruction: Stroke from the neck down\\.")), r::toString);
  }

  @Test
  void badFlags_areOneLineUsageErrors() {
    for (String[] args :
        List.of(
            new String[] {"play", ROUTINE, "--preroll", "-5"},
            new String[] {"play", ROUTINE, "--speed", "0"},
            new String[] {"play", ROUTINE, "--ready-timeout", "soon"},
            new String[] {"play", ROUTINE, "--quiet", "--verbose"},
            new String[] {"play", ROUTINE, "--volume", "101"})) {
      Result r = run(args);
      assertEquals(2, r.code(), r::toString);
      String first = r.err().lines().findFirst().orElse("");
      assertTrue(first.startsWith("calmcue: ") && first.contains("--"), r::toString);
      assertEquals("", r.out(), r::toString);
    }
  }

  @Test
  void unknownRoutine_isAnInputError() {
    Result r = run("play", "no-such-routine", "--text");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("calmcue: unknown routine 'no-such-routine'"), r::toString);
  }

  @Test
  void readyTimeout_acceptsSecondsAndMinutes() {
    PlayCommand.TimeConverter c = new PlayCommand.TimeConverter();
    assertEquals(java.time.Duration.ofSeconds(90), c.convert("90s"));
    assertEquals(java.time.Duration.ofSeconds(90), c.convert("90"));
    assertEquals(java.time.Duration.ofMinutes(2), c.convert("2m"));
    assertEquals(java.time.Duration.ofSeconds(150), c.convert("2m30s"));
  }
}
