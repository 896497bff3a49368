package dev.calmcue.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.history.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way through, in real processes on the real clock (a fast clock is never recorded): a
 * session killed with SIGKILL mid-way leaves history readable, shows up as interrupted, and does
 * not disturb the next session's record, which a SIGTERM ends as stopped.
 */
class PlayHistoryProcessTest {
  /** Generous guards against a hung child only; nothing here measures time. */
  private static final long GUARD_MINUTES = 5;

  @TempDir Path dataHome;

  static boolean playIsBuilt() {
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "play", "--help");
    return !out.toString().contains("Not built yet");
  }

  ProcessBuilder calmcue(String... args) {
    ProcessBuilder pb =
        JavaProcess.builder(
            Main.class.getName(), Map.of("XDG_DATA_HOME", dataHome.toString()), args);
    pb.environment().remove("CALMCUE_HOME");
    return pb.directory(Path.of("").toAbsolutePath().toFile());
  }

  @Test
  void killedSession_isInterrupted_andTheNextSessionIsRecordedWhole() throws Exception {
    if (!playIsBuilt()) {
      System.out.println("PlayHistoryProcessTest skipped: 'play' is not built on this branch yet");
      Assumptions.abort("'play' is not built yet");
    }
    List<String> play = List.of("play", "back-massage", "--text", "--no-prep");
    Path history = dataHome.resolve("calmcue/history.jsonl");

    Process first = calmcue(play.toArray(String[]::new)).redirectErrorStream(true).start();
    try {
      waitUntilStarted(first, history, 1);
    } finally {
      first.destroyForcibly();
      assertTrue(first.waitFor(GUARD_MINUTES, TimeUnit.MINUTES));
    }

    Process second = calmcue(play.toArray(String[]::new)).redirectErrorStream(true).start();
    try {
      waitUntilStarted(second, history, 2);
    } finally {
      second.destroy(); // SIGTERM: the shutdown hook records the end
      assertTrue(second.waitFor(GUARD_MINUTES, TimeUnit.MINUTES), "second session hung");
    }

    Process report =
        calmcue("history", "--json")
            .redirectOutput(dataHome.resolve("history.json").toFile())
            .redirectError(dataHome.resolve("history.err").toFile())
            .start();
    assertTrue(report.waitFor(GUARD_MINUTES, TimeUnit.MINUTES));
    assertEquals(0, report.exitValue(), () -> read(dataHome.resolve("history.err")));
    assertEquals("", read(dataHome.resolve("history.err")), "no warnings: every line is whole");

    JsonNode root = new ObjectMapper().readTree(dataHome.resolve("history.json").toFile());
    JsonNode sessions = root.get("sessions");
    assertEquals(2, sessions.size(), root::toPrettyString);
    assertEquals(0, root.get("running").size(), root::toPrettyString);
    JsonNode killed = sessions.get(0);
    assertEquals("back-massage", killed.get("routineId").asText());
    assertEquals("error", killed.get("ending").asText());
    assertEquals("interrupted", killed.get("reason").asText());
    assertTrue(killed.get("end").isNull());
    JsonNode whole = sessions.get(1);
    assertEquals("stopped", whole.get("ending").asText(), whole::toPrettyString);
    assertEquals("process ended before the session did", whole.get("reason").asText());
    assertTrue(whole.get("settings").get("textMode").asBoolean());
    assertTrue(whole.get("actualSeconds").asDouble() >= 0);
    // Three lines: start of the killed one, start and end of the whole one.
    assertEquals(3, Files.readAllLines(history).size());
  }

  /** Reads the session's output until it has printed a few cues and history has its start. */
  private static void waitUntilStarted(Process p, Path history, int starts) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
    int lines = 0;
    String line;
    while ((line = out.readLine()) != null && !(lines >= 2 && started(history) >= starts)) {
      lines++;
    }
    assertTrue(line != null, "session ended before it could be killed");
    assertTrue(p.isAlive(), "session is still playing when killed");
  }

  private static long started(Path history) throws IOException {
    return Files.exists(history)
        ? Files.readAllLines(history).stream()
            .filter(l -> l.contains("\"type\":\"started\""))
            .count()
        : 0;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
