package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code serve --listen} end to end through PulseAudio: the speaker box. A session is started from
 * the phone's API; the parent's spoken commands go into a private microphone sink (see {@link
 * VoiceRig}), and what the phone sees (the event stream and the session state) must follow them:
 * paused, resumed, the next step, stopped, each with the "heard" notice the page shows for a spoken
 * command, and the history says the voice stopped it.
 */
class ServeVoiceEndToEndTest {
  private static final Path WORK = Path.of("target", "serve-voice-e2e");

  /** Quiet after a cue before a command is said: the echo gate's latency and tail, with room. */
  private static final double QUIET_AFTER_CUE = 2.0;

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final VoiceRig rig =
      new VoiceRig(WORK, "calmcue_sv", List.of("pause", "continue", "next", "stop"));

  @Test
  void spokenCommandsDriveTheServedSessionAndThePhoneSeesEachOneHeard() throws Exception {
    Path home = rig.home("serve");
    Path routines = home.resolve("data/calmcue/routines");
    Files.createDirectories(routines);
    // long quiet gaps: commands are never said over a cue (the echo gate ignores them there)
    Files.copy(
        Path.of("src/test/resources/voice/quiet-gaps.json"), routines.resolve("quiet-gaps.json"));
    try (CalmcueChild c =
        rig.calmcue(home, rig.mic() + ".monitor", "serve", "--listen", "--port", "0")) {
      Phone phone = new Phone("http://127.0.0.1:" + c.servePort(120));
      c.awaitEver(l -> l.contains("listening ("), 180);

      try (Phone.Events events = phone.events()) {
        JsonNode started =
            phone.post("/api/session", "{\"routine\":\"quiet-gaps\",\"preparation\":false}", 201);
        assertEquals("quiet-gaps", started.path("routine").asText(), started.toString());

        phone.quietAfter(events.await(instruction("Stroke the back."), 120));
        rig.sayUntilHeard(c, "pause", "pause");
        JsonNode paused = events.await(pause(true), 30);
        int n = heard(paused, "pause", 0);
        assertEquals("paused", phone.state().path("status").asText());
        Thread.sleep(1000);

        rig.sayUntilHeard(c, "continue", "resume");
        n = heard(events.await(pause(false), 30), "resume", n);
        // resuming says the step again; the next command waits until it has been said
        phone.quietAfter(events.await(instruction("Stroke the back."), 30));
        assertEquals("playing", phone.state().path("status").asText());

        rig.sayUntilHeard(c, "next", "next");
        n = heard(events.await(step(1), 30), "next", n);
        phone.quietAfter(events.await(instruction("Stroke the legs."), 30));

        rig.sayUntilHeard(c, "stop", "stop");
        JsonNode ended = events.await(e -> e.path("type").asText().equals("ended"), 90);
        heard(ended, "stop", n);
        assertEquals("stopped", ended.at("/event/ending").asText(), ended.toString());
        assertEquals("ended", phone.state().path("status").asText());
      }

      JsonNode last = phone.get("/api/history?limit=1").get(0);
      assertEquals("stopped", last.path("ending").asText(), last.toString());
      assertEquals("voice", last.path("stoppedBy").asText(), "history: " + last);
      List<String> file = Files.readAllLines(VoiceRig.history(home));
      assertTrue(
          file.get(file.size() - 1).contains("\"stoppedBy\":\"voice\""),
          "the history file in the child's own data folder: " + file);

      c.terminate();
      c.exit(60);
      assertFalse(c.output().contains("Exception"), c.output());
    }
  }

  /**
   * Checks that {@code update}'s state carries the notice the phone page shows ("Heard: pause"):
   * the command, from the voice, newer than the one before; returns its number.
   */
  private static int heard(JsonNode update, String command, int before) {
    JsonNode c = update.at("/state/lastCommand");
    assertEquals(command, c.path("command").asText(), "the phone hears of it: " + update);
    assertEquals("voice", c.path("source").asText(), "the phone hears of it: " + update);
    assertTrue(c.path("number").asInt() > before, "a new command: " + update);
    return c.path("number").asInt();
  }

  private static Predicate<JsonNode> instruction(String text) {
    return e ->
        e.path("type").asText().equals("cue")
            && e.at("/event/kind").asText().equals("instruction")
            && e.at("/event/text").asText().equals(text);
  }

  private static Predicate<JsonNode> pause(boolean paused) {
    return e ->
        e.path("type").asText().equals("pause") && e.at("/event/paused").asBoolean() == paused;
  }

  private static Predicate<JsonNode> step(int index) {
    return e -> e.path("type").asText().equals("step") && e.at("/event/index").asInt() == index;
  }

  /** The phone's side: the JSON API and the event stream. Waits are safety nets, not limits. */
  private static final class Phone {
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    Phone(String base) {
      this.base = base;
    }

    JsonNode get(String path) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      return JSON.readTree(r.body());
    }

    JsonNode state() throws Exception {
      return get("/api/session");
    }

    JsonNode post(String path, String body, int status) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(status, r.statusCode(), path + ": " + r.body());
      return JSON.readTree(r.body());
    }

    /**
     * Waits until the cue that {@code cueUpdate} announced has been said and the echo gate's tail
     * is over, on the session's own clock (which stands still while paused), so a command said now
     * is heard.
     */
    void quietAfter(JsonNode cueUpdate) throws Exception {
      JsonNode cue = cueUpdate.path("event");
      double until =
          cueUpdate.at("/state/elapsed").asDouble()
              + cue.path("end").asDouble()
              - cue.path("at").asDouble()
              + QUIET_AFTER_CUE;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      JsonNode s = state();
      while (s.path("elapsed").asDouble() < until) {
        assertTrue(System.nanoTime() < deadline, "the session stood still: " + s);
        Thread.sleep(100);
        s = state();
      }
    }

    /** The page's event stream, opened now; updates collected as they come. */
    Events events() throws Exception {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/events")).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, r.statusCode());
      return new Events(r.body());
    }

    /** Server-Sent Events as the page's EventSource gets them: each update's JSON, in order. */
    static final class Events implements AutoCloseable {
      private final InputStream in;
      private final Arrivals<JsonNode> updates;

      Events(InputStream in) {
        this.in = in;
        this.updates =
            Arrivals.read(
                in,
                "phone-events",
                l -> l.startsWith("data: ") ? JSON.readTree(l.substring("data: ".length())) : null);
      }

      /** The next update (after the last one awaited) matching {@code what}. */
      JsonNode await(Predicate<JsonNode> what, int seconds) throws InterruptedException {
        JsonNode update = updates.next(what, seconds);
        if (update == null) {
          StringBuilder stream = new StringBuilder();
          for (JsonNode u : updates.all()) {
            if (!u.path("type").asText().equals("progress")) {
              stream.append(u).append('\n');
            }
          }
          throw new AssertionError(
              "no such update within " + seconds + " s; the stream, progress left out:\n" + stream);
        }
        return update;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    }
  }
}
