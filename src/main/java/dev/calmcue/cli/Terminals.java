package dev.calmcue.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Whether the standard streams are terminals (Java has no isatty), and how plain to be on them. */
final class Terminals {
  private static final File TTY = new File("/dev/tty");

  private Terminals() {}

  static boolean stdinIsTerminal() {
    return isTerminal(0);
  }

  static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /**
   * True when the user asked for plain output: {@code TERM=dumb} (no cursor control) or a non-empty
   * {@code NO_COLOR} (no-color.org). Then nothing is redrawn in place and no escape code is
   * printed: one plain line per change instead.
   */
  static boolean plain(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return "dumb".equals(env.get("TERM")) || (noColor != null && !noColor.isEmpty());
  }

  /** {@link #plain(Map)} for this process. */
  static boolean plain() {
    return plain(System.getenv());
  }

  /**
   * The terminal's modes exactly as {@code stty -g} prints them (speed included), to put back after
   * raw mode: JLine's own restore drops the line speed (the terminal was left at 0 baud).
   */
  static Optional<String> saveModes() {
    return stty("-g").map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * The width of the terminal this runs in, even when output goes to a file or pipe: {@code
   * COLUMNS} if set, else what the terminal device says.
   */
  static Optional<Integer> columns(Map<String, String> env) {
    String columns = env.getOrDefault("COLUMNS", "");
    if (columns.matches("\\d{1,4}")) {
      return Optional.of(Integer.parseInt(columns));
    }
    return stty("size")
        .map(String::strip)
        .filter(s -> s.matches("\\d+ \\d+"))
        .map(s -> Integer.parseInt(s.substring(s.indexOf(' ') + 1)))
        .filter(w -> w > 0);
  }

  /** Puts back modes from {@link #saveModes()}. */
  static void restoreModes(String modes) {
    stty(modes);
  }

  private static Optional<String> stty(String argument) {
    if (!TTY.exists()) {
      return Optional.empty();
    }
    try {
      Process p =
          new ProcessBuilder("stty", argument)
              .redirectInput(TTY)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Linux tells through /proc which device a descriptor is. {@link System#console()}, the fallback
   * elsewhere, answers for stdin and stdout together, which is wrong for {@code render -o - |
   * aplay} and for {@code play | tee log}.
   */
  private static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception noProc) {
      return System.console() != null;
    }
  }
}
