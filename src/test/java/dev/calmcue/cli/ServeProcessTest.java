package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calmcue serve} as its own process, stopped the way systemd stops it (SIGTERM): the running
 * session ends with its closing and is recorded as stopped, then the process exits cleanly.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeProcessTest {
  /** Safety nets so a broken build fails instead of hanging; not speed limits. */
  private static final long PATIENCE_MS = 90_000;

  private static final int PATIENCE_S = 90;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void sigterm_ends_the_session_with_its_closing_records_it_stopped_and_exits_cleanly()
      throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            javaBin.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Dcalmcue.data.home=" + dir.resolve("data"),
            "dev.calmcue.cli.Main",
            "serve",
            "--text",
            "--port",
            "0");
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    try (CalmcueChild serve = new CalmcueChild(pb)) {
      String base = "http://127.0.0.1:" + serve.servePort(PATIENCE_S);
      var started =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/session"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"routine\":\"back-massage\",\"preparation\":false}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, started.statusCode(), started.body());
      long deadline = System.currentTimeMillis() + PATIENCE_MS;
      JsonNode state = null;
      while (System.currentTimeMillis() < deadline) {
        state =
            json.readTree(
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        if (state.at("/step/index").asInt(-1) == 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(
          0,
          state.at("/step/index").asInt(-1),
          "the first step started: " + state + "\n" + serve.output());

      serve.terminate(); // SIGTERM, as systemd stops it
      assertEquals(143, serve.exit(PATIENCE_S), serve.output());
      List<String> output = serve.output().lines().toList();
      assertTrue(
          output.stream().anyMatch(l -> l.startsWith("session: ended stopped")),
          String.join("\n", output));
      assertTrue(output.contains("calmcue serve: stopped."), String.join("\n", output));
      assertTrue(
          output.stream().noneMatch(l -> l.contains("Exception")), String.join("\n", output));

      HistoryStore store =
          new HistoryStore(
              dir.resolve("data/calmcue/history.jsonl"), java.time.Clock.system(ZoneOffset.UTC));
      List<HistoryRecord> sessions = store.read().sessions();
      assertEquals(1, sessions.size(), "history in " + store.file());
      assertEquals("stopped", sessions.get(0).ending().jsonName());
    }
  }
}
