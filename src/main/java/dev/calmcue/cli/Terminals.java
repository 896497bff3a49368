package dev.calmcue.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the standard streams are terminals (Java has no isatty). */
final class Terminals {
  private Terminals() {}

  static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /**
   * Linux tells through /proc which device a descriptor is. {@link System#console()}, the fallback
   * elsewhere, answers for stdin and stdout together, which is wrong for {@code render -o - |
   * aplay}.
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
