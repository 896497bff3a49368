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
 * The whole way through, in real processes: a session killed with SIGKILL mid-way leaves history
 * readable, shows up as interrupted, and does not disturb the next session's record.
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
    List<String> play = List.of("play", "back-massage", "--text", "--speed", "20", "--no-prep");
    Path history = dataHome.resolve("calmcue/history.jsonl");

    Process first = calmcue(play.toArray(String[]::new)).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), UTF_8));
      // Mid-session: its start is recorded and it has printed some cues.
      int lines = 0;
      String line;
      while ((line = out.readLine()) != null && !(lines >= 3 && started(history))) {
        lines++;
      }
      assertTrue(line != null, "first session ended before it could be killed");
      assertTrue(first.isAlive(), "first session is still playing when killed");
    } finally {
      first.destroyForcibly();
      assertTrue(first.waitFor(GUARD_MINUTES, TimeUnit.MINUTES));
    }

    Process second =
        calmcue(play.toArray(String[]::new))
            .redirectErrorStream(true)
            .redirectOutput(dataHome.resolve("second.log").toFile())
            .start();
    assertTrue(second.waitFor(GUARD_MINUTES, TimeUnit.MINUTES), "second session hung");
    assertEquals(
        0,
        second.exitValue(),
        () -> "second session failed:\n" + read(dataHome.resolve("second.log")));

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
    assertEquals("completed", whole.get("ending").asText(), whole::toPrettyString);
    assertEquals(whole.get("stepCount").asInt(), whole.get("stepsCompleted").asInt());
    assertTrue(whole.get("settings").get("textMode").asBoolean());
    assertTrue(whole.get("actualSeconds").asDouble() > 0);
    // Three lines: start of the killed one, start and end of the whole one.
    assertEquals(3, Files.readAllLines(history).size());
  }

  private static boolean started(Path history) throws IOException {
    return Files.exists(history) && Files.readString(history).contains("\"type\":\"started\"");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
