package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help a reader can take in: whole sentences, whole command summaries, as wide as the terminal. */
class HelpTextTest {
  @Test
  void everyDescriptionParagraphIsWholeSentences() {
    CommandLine root = CalmcueCommand.commandLine();
    for (CommandLine cl : root.getSubcommands().values()) {
      if (cl.getCommandName().equals("help")) {
        continue; // picocli's own
      }
      for (String line : cl.getCommandSpec().usageMessage().description()) {
        assertTrue(
            line.isEmpty() || line.strip().matches("(?s).*[.:?)]$"),
            cl.getCommandName() + ": a description line that stops mid-sentence: " + line);
      }
    }
  }

  @Test
  void theCommandListShowsEachSummaryWhole() {
    String help = Cli.run("--help").out().replaceAll("\\s+", " ");
    CommandLine root = CalmcueCommand.commandLine();
    for (var e : root.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue; // picocli's own
      }
      String summary = e.getValue().getCommandSpec().usageMessage().description()[0];
      assertTrue(help.contains(summary.replaceAll("\\s+", " ")), e.getKey() + ": " + summary);
    }
  }

  @Test
  void helpFitsANarrowTerminal() throws Exception {
    boolean tmux;
    try {
      tmux = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      tmux = false;
    }
    assumeTrue(tmux, "tmux is not installed");
    Path out = Files.createTempFile("calmcue-help", ".txt");
    String session = "calmcue-help-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // help written to a file, but sized for the terminal the command runs in (60 columns)
    String cmd =
        "'"
            + java
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' dev.calmcue.cli.Main play --help > '"
            + out
            + "'; tmux wait-for -S "
            + session;
    try {
      run("tmux", "new-session", "-d", "-s", session, "-x", "60", "-y", "20", "sh", "-c", cmd);
      run("tmux", "wait-for", session);
      String help = Files.readString(out, StandardCharsets.UTF_8);
      assertTrue(help.contains("Usage: calmcue play"), help);
      int widest = help.lines().mapToInt(String::length).max().orElse(0);
      assertTrue(widest <= 60, "widest line " + widest + ":\n" + help);
    } finally {
      run("tmux", "kill-session", "-t", session);
      Files.deleteIfExists(out);
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
    assertEquals(0, p.exitValue() == 0 || cmd[1].equals("kill-session") ? 0 : p.exitValue());
  }
}
