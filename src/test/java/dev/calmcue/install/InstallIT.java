package dev.calmcue.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build makes for a shell user, used as a shell would: the bash completion script sourced
 * in bash, the man pages, and scripts/install then --uninstall into a throw-away HOME.
 */
class InstallIT {
  private static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

  @TempDir Path home;

  /** Runs a command; returns its exit code and output (both streams). */
  private record Run(int code, String out) {}

  private Run run(Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(cmd).directory(PROJECT.toFile()).redirectErrorStream(true);
    pb.environment().remove("XDG_DATA_HOME");
    pb.environment().remove("XDG_CONFIG_HOME");
    pb.environment().putAll(env);
    Process p =
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + String.join(" ", cmd));
    return new Run(p.exitValue(), out);
  }

  /** What bash completion offers for the words typed so far, with the completion file sourced. */
  private String complete(Path script, String line) throws Exception {
    String words = line.endsWith(" ") ? line + "''" : line;
    String bash =
        "source "
            + quote(script.toString())
            + "; COMP_LINE="
            + quote(line)
            + "; COMP_POINT=${#COMP_LINE}; COMP_WORDS=("
            + words
            + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
            + " _complete_calmcue 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Run r = run(Map.of("HOME", home.toString()), "bash", "-c", bash);
    assertEquals(0, r.code(), r.out());
    return r.out();
  }

  @Test
  void theGeneratedBashCompletionCompletesCommandsOptionsAndRoutineIds() throws Exception {
    Path script = PROJECT.resolve("target/calmcue-completion.bash");
    assertTrue(Files.isRegularFile(script), "the build makes " + script);
    assertEquals(List.of("back-massage"), complete(script, "calmcue play ba").lines().toList());
    assertTrue(
        complete(script, "calmcue show ")
            .lines()
            .toList()
            .containsAll(List.of("back-massage", "daily-back-massage")));
    assertEquals(List.of("plan", "play"), complete(script, "calmcue pl").lines().sorted().toList());
    assertEquals(List.of("--bedtime"), complete(script, "calmcue play --bed").lines().toList());
  }

  @Test
  void theBuildMakesAManPageForEveryCommand() throws Exception {
    for (String page : List.of("calmcue", "calmcue-play", "calmcue-serve", "calmcue-validate")) {
      Path man = PROJECT.resolve("target/man/man1/" + page + ".1");
      assertTrue(Files.isRegularFile(man), man.toString());
      String roff = Files.readString(man);
      String title = page.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-");
      assertTrue(roff.contains(".TH \"" + title + "\" \"1\""), roff);
      assertTrue(roff.contains(".SH \"SYNOPSIS\""), roff);
    }
  }

  @Test
  void installThenUninstallIntoAFreshHomeLeavesNothingBehind() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash");
    Map<String, String> env =
        Map.of(
            "HOME",
            home.toString(),
            "PATH",
            home.resolve(".local/bin") + ":" + System.getenv("PATH"));
    Run installed = run(env, "scripts/install", "--service");
    assertEquals(0, installed.code(), installed.out());
    Path command = home.resolve(".local/bin/calmcue");
    assertTrue(Files.isExecutable(command), installed.out());
    assertTrue(Files.readString(command).contains(PROJECT.resolve("scripts/calmcue").toString()));
    assertTrue(Files.isRegularFile(home.resolve(".local/share/man/man1/calmcue-play.1")));
    assertTrue(Files.isRegularFile(home.resolve(".local/share/zsh/site-functions/_calmcue")));
    String unit = Files.readString(home.resolve(".config/systemd/user/calmcue-serve.service"));
    assertTrue(unit.contains("ExecStart=" + PROJECT.resolve("scripts/calmcue") + " serve"), unit);

    // the installed completion also offers the user's own routines, read when Tab is pressed
    Path own = Files.createDirectories(home.resolve(".local/share/calmcue/routines"));
    Files.writeString(own.resolve("my-evening.json"), "{}");
    Path completion = home.resolve(".local/share/bash-completion/completions/calmcue");
    assertEquals(List.of("my-evening"), complete(completion, "calmcue play my").lines().toList());
    Files.delete(own.resolve("my-evening.json"));
    Files.delete(own);
    Files.delete(own.getParent());
    zshCompletes(env);

    Run removed = run(env, "scripts/install", "--uninstall");
    assertEquals(0, removed.code(), removed.out());
    try (Stream<Path> left = Files.walk(home)) {
      List<String> files =
          left.filter(p -> !p.equals(home)).map(Path::toString).collect(Collectors.toList());
      assertEquals(List.of(), files, "left behind after --uninstall");
    }
  }

  @Test
  void theSpeakerBoxUnitIsHardenedToExposureFiveAtMost() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "no systemd-analyze");
    Path unit = home.resolve("calmcue-serve.service");
    Files.copy(PROJECT.resolve("scripts/calmcue-serve.service"), unit);
    Path runtime = Files.createDirectories(home.resolve("run"));
    Run r =
        run(
            Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", runtime.toString()),
            "systemd-analyze",
            "security",
            "--offline=true",
            "--user",
            unit.toString());
    var m =
        java.util.regex.Pattern.compile(
                "Overall exposure level for calmcue-serve.service: ([0-9.]+)")
            .matcher(r.out());
    assertTrue(m.find(), r.out());
    double exposure = Double.parseDouble(m.group(1));
    System.out.println("calmcue-serve.service exposure (offline, --user): " + exposure);
    assertTrue(exposure <= 5.0, r.out());
  }

  /** In an interactive zsh (in tmux), Tab after "calmcue play ba" gives back-massage. */
  private void zshCompletes(Map<String, String> env) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/zsh"))
        || !Files.isExecutable(Path.of("/usr/bin/tmux"))) {
      System.out.println("zsh completion not tried: zsh or tmux is not installed");
      return;
    }
    Path rc = home.resolve(".zshrc");
    Files.writeString(
        rc,
        "fpath=("
            + home.resolve(".local/share/zsh/site-functions")
            + " $fpath)\nautoload -U compinit && compinit -u\nPS1='> '\n");
    String session = "calmcue-zsh-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    try {
      run(
          env,
          "tmux",
          "new-session",
          "-d",
          "-s",
          session,
          "-x",
          "120",
          "-y",
          "20",
          "env HOME=" + home + " ZDOTDIR=" + home + " zsh -i");
      String screen = "";
      for (int i = 0; i < 400 && !screen.contains("calmcue play back-massage"); i++) {
        if (i % 40 == 0) { // type again now and then: the shell may not have been ready
          run(env, "tmux", "send-keys", "-t", session, "C-u");
          run(env, "tmux", "send-keys", "-t", session, "-l", "calmcue play ba");
          run(env, "tmux", "send-keys", "-t", session, "Tab");
        }
        Thread.sleep(100);
        screen = run(env, "tmux", "capture-pane", "-p", "-t", session).out();
      }
      assertTrue(screen.contains("calmcue play back-massage"), screen);
      assertTrue(!screen.contains("not found"), screen);
    } finally {
      run(env, "tmux", "kill-session", "-t", session);
      Files.deleteIfExists(rc);
      try (Stream<Path> zsh = Files.list(home)) {
        for (Path p :
            zsh.filter(p -> p.getFileName().toString().startsWith(".zcompdump")).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void aWrongOptionIsOneLineAndExit2() throws Exception {
    Run r = run(Map.of("HOME", home.toString()), "scripts/install", "--frobnicate");
    assertEquals(2, r.code(), r.out());
    assertEquals(
        "install: unknown option '--frobnicate' (see scripts/install --help)", r.out().strip());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
