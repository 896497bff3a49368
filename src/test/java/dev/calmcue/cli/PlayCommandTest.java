package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** calmcue play as a user runs it without a terminal: text mode on a fast clock, and bad input. */
class PlayCommandTest {
  static final String ROUTINE = "src/test/resources/play/short-routine.json";

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  @Test
  void text_printsEveryCueInOrder_announcesTextModeOnce_andCompletes() {
    Cli.Result r = run("play", ROUTINE, "--no-prep", "--speed", "200");
    assertEquals(0, r.code(), r::toString);
    List<String> cues = r.out().lines().filter(l -> l.startsWith("[")).toList();
    assertEquals(
        "[0:00] Time for the short test routine. Here is the first step.",
        cues.get(0),
        r::toString);
    assertTrue(cues.get(1).endsWith("] Rest your hands on the back."), r::toString);
    assertTrue(cues.get(cues.size() - 2).endsWith("Well done."), r::toString);
    assertTrue(r.out().contains("Session complete: 3 steps completed"), r::toString);
    assertEquals(1, r.err().lines().filter(l -> l.contains("text mode")).count(), r::toString);
  }

  @Test
  void prepWithoutKeyboard_speaksThePrelude_thenStartsWithoutWaiting() {
    Cli.Result r = run("play", ROUTINE, "--speed", "200");
    assertEquals(0, r.code(), r::toString);
    // no keyboard, no phone: the prelude names no key to press
    assertTrue(r.out().contains("Ready? Here is the first step."), r::toString);
    assertTrue(!r.out().contains("press space") && !r.out().contains("To stop"), r::toString);
    assertTrue(r.out().contains("starting the steps now"), r::toString);
    assertTrue(r.out().contains("Session complete: 3 steps completed"), r::toString);
  }

  @Test
  void quiet_withTextAskedFor_printsNothingAtAll() {
    for (String[] args :
        List.of(
            new String[] {"play", ROUTINE, "--no-prep", "--speed", "200", "--quiet"},
            new String[] {"play", ROUTINE, "--no-prep", "--speed", "200", "--text", "-q"})) {
      Cli.Result r = run(args);
      assertEquals(0, r.code(), r::toString);
      assertEquals("", r.out(), r::toString);
      assertEquals("", r.err(), r::toString);
    }
  }

  @Test
  void quiet_stillSaysTextMode_whenNoSoundDeviceIsWhyNothingIsHeard() {
    assertTrue(new TerminalSession.Display(true, false, 1.0, false).announcesTextMode());
    assertFalse(new TerminalSession.Display(true, false, 1.0, true).announcesTextMode());
    assertTrue(new TerminalSession.Display(false, false, 1.0, true).announcesTextMode());
  }

  @Test
  void verbose_logsWhatIsSpoken_onStderrOnly() {
    Cli.Result r = run("play", ROUTINE, "--no-prep", "--speed", "200", "--verbose");
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.err()
            .lines()
            .anyMatch(
                l -> l.matches("calmcue: \\d+:\\d\\d instruction: Stroke from the neck down\\.")),
        r::toString);
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
      Cli.Result r = run(args);
      assertEquals(2, r.code(), r::toString);
      String first = r.err().lines().findFirst().orElse("");
      assertTrue(first.startsWith("calmcue: ") && first.contains("--"), r::toString);
      assertEquals("", r.out(), r::toString);
    }
  }

  @Test
  void unknownRoutine_isAnInputError() {
    Cli.Result r = run("play", "no-such-routine", "--text");
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
