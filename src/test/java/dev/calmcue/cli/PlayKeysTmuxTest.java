package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The keys as a parent presses them, in a real pseudo-terminal (tmux): raw mode, no Enter, the
 * status line, and a terminal left as it was found. Text mode on a 3x clock, so no sound server is
 * needed. Waits poll the screen with generous limits: they bound a hung test, they do not time the
 * product.
 */
class PlayKeysTmuxTest {
  private static final long PATIENCE_MS = 40_000;
  private final String session =
      "calmcue-keys-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  @BeforeAll
  static void needTmux() throws Exception {
    boolean ok;
    try {
      ok = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException e) {
      ok = false;
    }
    if (!ok) {
      System.out.println("SKIPPED key tests: tmux is not installed (Debian: tmux)");
    }
    assumeTrue(ok, "tmux is not installed");
  }

  @AfterEach
  void killSession() throws Exception {
    tmux("kill-session", "-t", session);
  }

  @Test
  void keys_pauseResumeNextRepeatHelpStop_withoutEnter() throws Exception {
    start("--no-prep", "--speed", "3");
    waitFor(s -> s.contains("step 1/3"), "the first step");
    keys(" ");
    waitFor(s -> s.contains("PAUSED"), "paused");
    keys(" ");
    waitFor(
        s -> count(s, "] Rest your hands on the back.") == 2, "the instruction repeated on resume");
    keys("n");
    waitFor(s -> s.contains("step 2/3"), "the next step");
    keys("r");
    waitFor(s -> count(s, "] Stroke from the neck down.") == 2, "the instruction repeated");
    keys("?");
    waitFor(s -> count(s, "keys: space") == 2, "the keys shown again");
    keys("q");
    String screen = waitFor(s -> s.contains("TTY="), "the end and the terminal state");
    assertTrue(screen.contains("] Well done."), screen);
    assertTrue(screen.contains("Stopped: 0 steps completed"), screen);
    assertTrue(screen.contains("EXIT=0"), screen);
    assertTrue(screen.contains("TTY=icanon echo"), "terminal restored:\n" + screen);
    assertTrue(screen.contains("MODES=same"), "every mode and the speed restored:\n" + screen);
  }

  @Test
  void space_answersReady_afterThePrelude() throws Exception {
    start("--speed", "3");
    waitFor(s -> s.contains("Press space (or Enter) to start"), "the ready question");
    keys(" ");
    waitFor(s -> s.contains("step 1/3"), "the steps");
    keys("f");
    String screen = waitFor(s -> s.contains("TTY="), "the end and the terminal state");
    assertTrue(screen.contains("] That's enough for today."), screen);
    // at a terminal the prelude names the keys, and only the keys
    assertTrue(screen.contains("] Ready? To begin, press space."), screen);
    assertTrue(screen.contains("To stop at any time, press f."), screen);
    assertTrue(screen.contains("Stopped early (fussy baby)"), screen);
  }

  @Test
  void ctrlC_exits130_andRestoresTheTerminal() throws Exception {
    start("--no-prep", "--speed", "3");
    waitFor(s -> s.contains("step 1/3"), "the first step");
    tmux("send-keys", "-t", session, "C-c");
    String screen = waitFor(s -> s.contains("TTY="), "the end and the terminal state");
    assertTrue(screen.contains("EXIT=130"), screen);
    assertTrue(screen.contains("TTY=icanon echo"), "terminal restored:\n" + screen);
    assertTrue(screen.contains("MODES=same"), "every mode and the speed restored:\n" + screen);
  }

  @Test
  void keys_work_when_stdout_is_piped_and_the_terminal_is_restored_exactly() throws Exception {
    startWith("", " | cat", "--no-prep", "--speed", "3");
    waitFor(s -> s.contains("keys: space"), "the keys offered although stdout is a pipe");
    pauseResumeStop();
    String screen = waitFor(s -> s.contains("TTY="), "the end");
    assertTrue(screen.contains("Stopped: 0 steps completed"), screen);
    assertTrue(screen.contains("MODES=same"), "stty -g the same before and after:\n" + screen);
  }

  @Test
  void stdin_not_a_terminal_says_no_keys_and_runs_by_itself() throws Exception {
    startWith("", " < /dev/null", "--no-prep", "--speed", "20");
    String screen = waitFor(s -> s.contains("TTY="), "the end");
    assertTrue(screen.contains("calmcue: no keys: standard input is not a terminal"), screen);
    assertTrue(screen.contains("Session complete: 3 steps completed"), screen);
  }

  @Test
  void term_dumb_gets_plain_lines_and_no_escape_codes() throws Exception {
    plainOutput("TERM=dumb");
  }

  @Test
  void no_color_gets_plain_lines_and_no_escape_codes() throws Exception {
    plainOutput("NO_COLOR=1");
  }

  private void plainOutput(String env) throws Exception {
    Path raw = Path.of("target", "tmux-" + session + ".raw").toAbsolutePath();
    java.nio.file.Files.createDirectories(raw.getParent());
    java.nio.file.Files.deleteIfExists(raw);
    // everything written to the terminal, byte for byte, escape codes included
    startWith("sleep 1; " + env + " ", "", "--no-prep", "--speed", "3");
    tmux("pipe-pane", "-t", session, "-o", "cat >> " + quote(raw.toString()));
    pauseResumeStop();
    waitFor(s -> s.contains("TTY="), "the end");
    String out = java.nio.file.Files.readString(raw, StandardCharsets.ISO_8859_1);
    assertTrue(out.contains("Stopped: 0 steps completed"), out);
    assertTrue(out.indexOf('\033') < 0, "no escape codes: " + out.replace("\033", "<ESC>"));
    assertTrue(!out.replace("\r\n", "\n").contains("\r"), "nothing redrawn in place: " + out);
  }

  /** Once the first instruction is out: space, space, q, each change seen as its own plain line. */
  private void pauseResumeStop() throws Exception {
    waitFor(s -> s.contains("] Rest your hands on the back."), "the first instruction");
    keys(" ");
    waitFor(s -> s.contains("paused (space resumes)"), "a plain line for the pause");
    keys(" ");
    waitFor(s -> s.contains("resumed"), "a plain line for resuming");
    keys("q");
  }

  private void start(String... options) throws Exception {
    startWith("", "", options);
  }

  /**
   * Runs play after {@code before} (shell words, e.g. env settings) with {@code after} (a
   * redirect).
   */
  private void startWith(String before, String after, String... options) throws Exception {
    Path project = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder cmd = new StringBuilder();
    // the shell outlives Ctrl-C (a trap with a command is not inherited), so it can report the exit
    // code
    cmd.append("trap 'true' INT; B=$(stty -g); ")
        .append(before)
        .append("CALMCUE_HOME=")
        .append(quote(project.toString()))
        .append(' ')
        .append(quote(java))
        // session history goes where surefire points it (pom.xml), not into the user's data folder
        .append(" -Dcalmcue.data.home=")
        .append(quote(System.getProperty("calmcue.data.home", "target/test-data-home")))
        .append(" -cp ")
        .append(quote(System.getProperty("java.class.path")))
        .append(" dev.calmcue.cli.Main play ")
        .append(quote(project.resolve(PlayCommandTest.ROUTINE).toString()));
    for (String o : options) {
      cmd.append(' ').append(quote(o));
    }
    cmd.append(after);
    // after the run: its exit code and whether the terminal is back in canonical mode with echo
    cmd.append(
        "; echo EXIT=$?; [ \"$B\" = \"$(stty -g)\" ] && echo MODES=same || echo MODES=changed; echo"
            + " TTY=$(stty -a | tr ' ;' '\\n"
            + "\\n"
            + "' | grep -xE -- '-?(icanon|echo)' | tr '\\n"
            + "' ' ' | sed 's/ $//'); sleep 600");
    // a tmux server that is just exiting (the last session of another test closed) refuses once
    for (int attempt = 0; attempt < 3 && tmux("has-session", "-t", session) != 0; attempt++) {
      tmux("new-session", "-d", "-s", session, "-x", "220", "-y", "60", "sh", "-c", cmd.toString());
    }
    if (tmux("has-session", "-t", session) != 0) {
      throw new AssertionError("tmux could not start a session for the test");
    }
  }

  private void keys(String k) throws Exception {
    tmux("send-keys", "-t", session, "-l", k);
  }

  private String screen() throws Exception {
    Process p =
        new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-t", session, "-S", "-200")
            .redirectErrorStream(true)
            .start();
    String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return s;
  }

  private String waitFor(Predicate<String> condition, String what) throws Exception {
    long end = System.nanoTime() + PATIENCE_MS * 1_000_000;
    String s = screen();
    while (!condition.test(s)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("never saw " + what + "; screen:\n" + s);
      }
      Thread.sleep(100);
      s = screen();
    }
    return s;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static int tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux"));
    cmd.addAll(List.of(args));
    // tmux's server outlives this call: give it no pipe of ours to hold open
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
