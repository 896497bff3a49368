package dev.calmcue.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.history.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code play --text --speed N} process stopped with SIGSTOP and continued with SIGCONT, as
 * when a laptop lid is closed and opened: no burst of the cues it missed. The first cue after it
 * comes back is the step's instruction said again; every other cue is said once, in order. Only the
 * order and count of the printed cues are checked, never how long anything took.
 */
class PlayStallProcessTest {
  /** Generous guard against a hung child only; nothing here measures time. */
  private static final long GUARD_MINUTES = 5;

  /** Longer than the stall threshold (3 s of the real clock), whatever the speed. */
  private static final long STOPPED_MILLIS = 6_000;

  @TempDir Path dataHome;

  @Test
  void stoppedAndContinued_goesOnFromTheStepsInstruction_withoutABurst() throws Exception {
    ProcessBuilder pb =
        JavaProcess.builder(
            Main.class.getName(),
            Map.of("XDG_DATA_HOME", dataHome.toString()),
            "play",
            "evening-stroking",
            "--text",
            "--no-prep",
            "--speed",
            "20");
    pb.environment().remove("CALMCUE_HOME");
    Process p =
        pb.directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true).start();
    List<String> out = new ArrayList<>();
    int stoppedAfter = -1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
        if (stoppedAfter < 0 && cues(out).size() == 4) {
          stoppedAfter = out.size();
          signal("STOP", p.pid());
          Thread.sleep(STOPPED_MILLIS);
          signal("CONT", p.pid());
        }
      }
    } finally {
      p.destroyForcibly();
      assertTrue(p.waitFor(GUARD_MINUTES, TimeUnit.MINUTES));
    }
    String all = String.join("\n", out);
    assertEquals(0, p.exitValue(), all);
    assertTrue(stoppedAfter > 0, "the session ended before it could be stopped:\n" + all);

    List<String> stalls = out.stream().filter(l -> l.contains("stood still")).toList();
    assertEquals(1, stalls.size(), all);
    assertTrue(stalls.get(0).contains("going on from this step's instruction"), stalls.get(0));
    List<String> before = cues(out.subList(0, out.indexOf(stalls.get(0))));
    List<String> after = cues(out.subList(out.indexOf(stalls.get(0)), out.size()));
    assertTrue(before.size() >= 4, all);
    assertTrue(before.contains(after.get(0)), "the first cue back is one said before:\n" + all);
    List<String> rest = after.subList(1, after.size());
    for (String cue : rest) {
      assertTrue(!before.contains(cue), "said twice: " + cue + "\n" + all);
    }
    List<String> once = new ArrayList<>(before);
    once.addAll(rest);
    assertEquals(once.stream().distinct().toList(), once, "no other cue twice:\n" + all);
    for (int i = 1; i < once.size(); i++) {
      assertTrue(seconds(once.get(i - 1)) <= seconds(once.get(i)), "in order:\n" + all);
    }
    assertTrue(!rest.isEmpty(), "the session went on after the stall:\n" + all);
  }

  /** The cue lines text mode prints: "[mm:ss] words", in the order printed. */
  private static List<String> cues(List<String> lines) {
    return lines.stream().filter(l -> l.matches("\\[\\d+:\\d\\d\\] .*")).toList();
  }

  /** The plan time a cue line shows, in seconds. */
  private static int seconds(String cue) {
    String[] mmss = cue.substring(1, cue.indexOf(']')).split(":");
    return Integer.parseInt(mmss[0]) * 60 + Integer.parseInt(mmss[1]);
  }

  private static void signal(String which, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + which, Long.toString(pid)).inheritIO().start();
    assertTrue(kill.waitFor(1, TimeUnit.MINUTES));
    assertEquals(0, kill.exitValue(), "kill -" + which);
  }
}
