package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.music.MusicSettings;
import dev.calmcue.music.MusicStyle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RemoteServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

  private final FakeSessionHost host = new FakeSessionHost();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private RemoteServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  RemoteServer serve(AccessPolicy access) {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", 0), host, access, RemoteSettings.defaults(log::add));
    return server;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  /** Every error body is one JSON line with a reason, never a stack trace. */
  static void assertOneLineError(HttpResponse<String> r) throws IOException {
    JsonNode body = json(r);
    String error = body.path("error").asText("");
    assertAll(
        () -> assertFalse(error.isBlank(), "error reason in " + r.body()),
        () -> assertFalse(error.contains("\n"), "one line: " + error),
        () -> assertFalse(r.body().contains("Exception"), "no exception names: " + r.body()),
        () -> assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body()));
  }

  @Nested
  class On_loopback {
    @org.junit.jupiter.api.BeforeEach
    void start() {
      serve(new AccessPolicy.LocalOnly());
    }

    @Test
    void routines_lists_each_routine_with_its_minutes_and_step_count() throws Exception {
      var r = get("/api/routines");
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonNode first = json(r).get(0);
      assertEquals("back-massage", first.get("id").asText());
      assertEquals("Back massage", first.get("title").asText());
      assertEquals(5, first.at("/minutes/min").asInt());
      assertEquals(12, first.at("/minutes/max").asInt());
      assertEquals(3, first.get("steps").asInt());
      assertEquals(2, json(r).size());
    }

    @Test
    void session_is_idle_before_anything_started() throws Exception {
      var r = get("/api/session");
      assertEquals(200, r.statusCode());
      assertEquals("idle", json(r).get("status").asText());
      assertFalse(json(r).get("running").asBoolean());
    }

    @Test
    void starting_a_session_answers_201_with_the_first_step_playing() throws Exception {
      var r =
          post(
              "/api/session",
              "{\"routine\":\"tiny-test\",\"minutes\":2,\"bedtime\":true,\"preparation\":false}");
      assertEquals(201, r.statusCode(), r.body());
      JsonNode s = json(r);
      assertEquals("playing", s.get("status").asText());
      assertEquals("tiny-test", s.get("routine").asText());
      assertEquals(1, s.at("/step/number").asInt());
      assertEquals("Warm hands", s.at("/step/title").asText());
      assertEquals("Warm hands: slow, calm movements.", s.at("/step/text").asText());
      StartRequest asked = host.starts.get(0);
      assertEquals(2.0, asked.minutes().getAsDouble());
      assertTrue(asked.bedtime());
      assertTrue(asked.chimes(), "chimes default on");
      assertEquals(
          dev.calmcue.plan.PromptAmount.NORMAL, asked.prompts(), "every prompt by default");
      assertEquals(MusicStyle.LULLABY, asked.music().style(), "bedtime brings the lullaby");
    }

    @Test
    void a_start_can_ask_for_few_prompts_as_prompts_few_does() throws Exception {
      var r =
          post(
              "/api/session",
              "{\"routine\":\"tiny-test\",\"preparation\":false,\"prompts\":\"few\"}");
      assertEquals(201, r.statusCode(), r.body());
      assertEquals(dev.calmcue.plan.PromptAmount.FEW, host.starts.get(0).prompts());
    }

    @Test
    void a_start_may_ask_for_music_and_its_volume() throws Exception {
      var r =
          post(
              "/api/session",
              "{\"routine\":\"tiny-test\",\"preparation\":false,\"music\":\"pulse\",\"musicVolume\":35}");
      assertEquals(201, r.statusCode(), r.body());
      assertEquals(new MusicSettings(MusicStyle.PULSE, 35), host.starts.get(0).music());
    }

    @Test
    void without_bedtime_or_a_choice_there_is_no_music() throws Exception {
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      assertEquals(MusicStyle.OFF, host.starts.get(0).music().style());
    }

    @Test
    void like_play_a_start_speaks_the_preparation_and_waits_for_ready() throws Exception {
      var r = post("/api/session", "{\"routine\":\"tiny-test\"}");
      assertEquals(201, r.statusCode(), r.body());
      assertEquals("waiting-for-ready", json(r).get("status").asText());
      assertTrue(json(r).get("step").isNull());
      assertEquals("Ready?", json(r).at("/lastCue/text").asText());
      JsonNode ready = json(post("/api/session/ready", ""));
      assertEquals("playing", ready.get("status").asText());
      assertEquals("Warm hands", ready.at("/step/title").asText());
    }

    @Test
    void a_second_start_while_one_runs_is_409_and_leaves_the_first_alone() throws Exception {
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      var r = post("/api/session", "{\"routine\":\"back-massage\",\"preparation\":false}");
      assertEquals(409, r.statusCode());
      assertOneLineError(r);
      assertEquals("tiny-test", json(get("/api/session")).get("routine").asText());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"routine\":\"nope\"}",
          "{\"routine\":\"tiny-test\",\"minutes\":30}",
          "{\"routine\":\"tiny-test\",\"minutes\":-1}",
          "{\"routine\":\"tiny-test\",\"minutes\":\"five\"}",
          "{\"routine\":\"tiny-test\",\"bedtime\":\"yes\"}",
          "{\"routine\":\"tiny-test\",\"volume\":3}",
          "{\"routine\":\"tiny-test\",\"music\":\"jazz\"}",
          "{\"routine\":\"tiny-test\",\"musicVolume\":101}",
          "{\"routine\":\"tiny-test\",\"musicVolume\":\"loud\"}",
          "{\"routine\":\"tiny-test\",\"prompts\":\"some\"}",
          "{\"minutes\":3}",
          "[\"tiny-test\"]",
          "",
        })
    void a_start_the_host_cannot_honour_is_400_with_a_one_line_reason(String body)
        throws Exception {
      var r = post("/api/session", body);
      assertEquals(400, r.statusCode(), r.body());
      assertOneLineError(r);
      assertFalse(json(get("/api/session")).get("running").asBoolean());
    }

    @Test
    void bad_json_is_400_naming_where_it_broke() throws Exception {
      var r = post("/api/session", "{\"routine\": \"tiny-test\",\n  \"minutes\": }");
      assertEquals(400, r.statusCode());
      assertOneLineError(r);
      assertTrue(json(r).get("error").asText().startsWith("bad JSON at line 2, column"), r.body());
    }

    @Test
    void a_body_over_64_KB_is_413_whether_or_not_it_says_its_length() throws Exception {
      String big = "{\"routine\":\"" + "x".repeat(70_000) + "\"}";
      var withLength = post("/api/session", big);
      assertEquals(413, withLength.statusCode());
      assertOneLineError(withLength);

      byte[] chunked = chunk(big.getBytes(StandardCharsets.UTF_8));
      var raw =
          RawHttp.send(
              server.address(),
              "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
              chunked);
      assertEquals(413, raw.status());
      assertFalse(json(get("/api/session")).get("running").asBoolean());
    }

    @Test
    void a_body_of_exactly_64_KB_is_read() throws Exception {
      String padded = "{\"routine\":\"nope\"}";
      padded = padded + " ".repeat(64 * 1024 - padded.length());
      var r = post("/api/session", padded);
      assertEquals(400, r.statusCode(), "read and refused for the routine, not the size");
    }

    @ParameterizedTest
    @CsvSource({
      "pause,PAUSE",
      "resume,RESUME",
      "next,NEXT",
      "repeat,REPEAT",
      "stop,STOP",
      "fussy,FUSSY",
      "ready,READY"
    })
    void each_action_reaches_the_running_session_and_answers_202(String action, String command)
        throws Exception {
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      var r = post("/api/session/" + action, "");
      assertEquals(202, r.statusCode(), r.body());
      assertEquals(command, host.received.get(0).name());
      assertNotNull(json(r).get("status"));
    }

    @Test
    void pause_then_fussy_show_in_state_and_history() throws Exception {
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      host.advance(Duration.ofSeconds(12));
      assertEquals("paused", json(post("/api/session/pause", "")).get("status").asText());
      assertEquals("paused", json(get("/api/session")).get("status").asText());
      assertEquals(0, json(get("/api/history")).size());

      JsonNode ended = json(post("/api/session/fussy", ""));
      assertEquals("ended", ended.get("status").asText());
      assertEquals("fussy", ended.at("/outcome/ending").asText());
      JsonNode history = json(get("/api/history"));
      assertEquals(1, history.size());
      assertEquals("fussy", history.get(0).get("ending").asText());
      assertEquals(1, history.get(0).get("stepsCompleted").asInt());
    }

    @Test
    void history_is_newest_first_and_honours_limit() throws Exception {
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      post("/api/session/stop", "");
      post("/api/session", "{\"routine\":\"back-massage\",\"preparation\":false}");
      post("/api/session/fussy", "");
      JsonNode all = json(get("/api/history"));
      assertEquals(
          List.of("back-massage", "tiny-test"),
          List.of(all.get(0).get("routineId").asText(), all.get(1).get("routineId").asText()));
      assertEquals(1, json(get("/api/history?limit=1")).size());
      var bad = get("/api/history?limit=zero");
      assertEquals(400, bad.statusCode());
      assertOneLineError(bad);
    }

    @Test
    void an_action_with_no_session_running_is_409() throws Exception {
      var r = post("/api/session/pause", "");
      assertEquals(409, r.statusCode());
      assertOneLineError(r);
      assertTrue(host.received.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"/api/session/explode", "/api/nothing", "/api", "/api/session/pause/now"})
    void unknown_api_routes_are_404(String path) throws Exception {
      var r = post(path, "");
      assertEquals(404, r.statusCode(), path);
      assertOneLineError(r);
      assertEquals(404, get(path).statusCode());
    }

    @Test
    void a_wrong_method_is_405_and_says_which_are_allowed() throws Exception {
      var r =
          http.send(
              HttpRequest.newBuilder(uri("/api/routines")).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, r.statusCode());
      assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
      assertOneLineError(r);
      var get = get("/api/session/pause");
      assertEquals(405, get.statusCode());
      assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
      assertEquals(405, post("/api/routines", "{}").statusCode());
      assertEquals(405, post("/", "").statusCode());
    }

    @Test
    void the_page_and_its_files_are_served_with_their_types() throws Exception {
      var index = get("/");
      assertEquals(200, index.statusCode());
      assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(index.body().contains("<title>calmcue</title>"));
      assertTrue(
          index
              .headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .contains("default-src 'self'"));
      assertEquals(index.body(), get("/index.html").body());
      assertTrue(
          get("/app.js")
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/javascript"));
      assertTrue(
          get("/style.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
      assertEquals(404, get("/missing.html").statusCode());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/../pom.xml",
          "/..%2fpom.xml",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/calmcue/web/index.html",
          "//etc/passwd",
          "/.%2e/index.html",
          "/dev/calmcue/remote/RemoteServer.class",
          "/%2Findex.html",
          "/index.html%00.js",
          "/..%5cpom.xml",
          "/.hidden.js",
          "/META-INF/MANIFEST.MF",
        })
    void paths_out_of_the_web_folder_are_404(String path) throws Exception {
      var r = RawHttp.get(server.address(), path, "127.0.0.1");
      assertEquals(404, r.status(), path + " -> " + r.body());
    }

    @Test
    void a_page_on_another_site_cannot_drive_the_session() throws Exception {
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      var r = post("/api/session/stop", "", "Origin", "http://evil.example");
      assertEquals(403, r.statusCode());
      assertOneLineError(r);
      assertTrue(host.received.isEmpty());
      String sameOrigin = "http://127.0.0.1:" + server.address().getPort();
      assertEquals(202, post("/api/session/pause", "", "Origin", sameOrigin).statusCode());
    }

    @Test
    void a_foreign_host_name_is_refused_so_dns_rebinding_cannot_reach_the_api() throws Exception {
      assertEquals(
          401, RawHttp.get(server.address(), "/api/session", "evil.example:8765").status());
      assertEquals(
          401, RawHttp.get(server.address(), "/api/session", "127.0.0.1.evil.example").status());
      assertEquals(200, RawHttp.get(server.address(), "/api/session", "localhost:8765").status());
    }

    @Test
    void a_token_visit_on_loopback_just_goes_to_the_page() throws Exception {
      var r = get("/?token=whatever");
      assertEquals(303, r.statusCode());
      assertEquals("/", r.headers().firstValue("Location").orElse(""));
      assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }
  }

  @Nested
  class With_a_token {
    @org.junit.jupiter.api.BeforeEach
    void start() {
      serve(new AccessPolicy.TokenRequired(AccessToken.of(TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"/api/routines", "/api/session", "/api/history", "/api/events", "/api/nowhere"})
    void every_api_call_without_the_token_is_401(String path) throws Exception {
      var r = get(path);
      assertEquals(401, r.statusCode(), path);
      assertOneLineError(r);
    }

    @Test
    void a_wrong_token_is_401_in_the_header_and_in_the_cookie() throws Exception {
      assertEquals(
          401,
          get("/api/session", "Authorization", "Bearer " + TOKEN.substring(1) + "x").statusCode());
      assertEquals(401, get("/api/session", "Authorization", "Bearer ").statusCode());
      assertEquals(401, get("/api/session", "Cookie", "calmcue_token=" + TOKEN + "x").statusCode());
      assertEquals(
          401,
          post(
                  "/api/session",
                  "{\"routine\":\"tiny-test\",\"preparation\":false}",
                  "Cookie",
                  "other=" + TOKEN)
              .statusCode());
      assertTrue(host.starts.isEmpty());
    }

    @Test
    void the_right_token_in_the_header_or_the_cookie_is_let_in() throws Exception {
      assertEquals(200, get("/api/session", "Authorization", "Bearer " + TOKEN).statusCode());
      assertEquals(
          200,
          get("/api/routines", "Cookie", "a=b; calmcue_token=" + TOKEN + "; c=d").statusCode());
      assertEquals(
          201,
          post(
                  "/api/session",
                  "{\"routine\":\"tiny-test\",\"preparation\":false}",
                  "Authorization",
                  "Bearer " + TOKEN)
              .statusCode());
    }

    @Test
    void a_token_visit_sets_a_strict_http_only_cookie_and_clears_the_address_bar()
        throws Exception {
      var r = get("/?token=" + TOKEN);
      assertEquals(303, r.statusCode());
      assertEquals("/", r.headers().firstValue("Location").orElse(""));
      String cookie = r.headers().firstValue("Set-Cookie").orElse("");
      assertTrue(cookie.startsWith("calmcue_token=" + TOKEN + ";"), cookie);
      assertTrue(cookie.contains("HttpOnly"), cookie);
      assertTrue(cookie.contains("SameSite=Strict"), cookie);
      assertTrue(cookie.contains("Path=/"), cookie);
    }

    @Test
    void a_token_visit_with_a_wrong_token_is_401_and_sets_nothing() throws Exception {
      var r = get("/?token=guess");
      assertEquals(401, r.statusCode());
      assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
      assertTrue(r.body().contains("not valid"));
    }

    @Test
    void the_page_itself_loads_without_the_token_so_it_can_say_what_to_do() throws Exception {
      assertEquals(200, get("/").statusCode());
      assertEquals(200, get("/app.js").statusCode());
    }

    @Test
    void any_host_name_is_fine_once_the_token_is_right() throws Exception {
      var r =
          RawHttp.send(
              server.address(),
              "GET /api/session HTTP/1.1\r\nHost: speaker.local:8765\r\n"
                  + "Authorization: Bearer "
                  + TOKEN
                  + "\r\nConnection: close\r\n\r\n",
              null);
      assertEquals(200, r.status());
    }
  }

  @Nested
  class When_something_breaks_inside {
    @Test
    void the_phone_gets_500_internal_error_and_the_log_gets_the_detail() throws Exception {
      SessionHost broken =
          new ForwardingHost(host) {
            @Override
            public List<RoutineSummary> routines() {
              throw new IllegalStateException("catalog on fire");
            }
          };
      server =
          RemoteServer.start(
              new InetSocketAddress("127.0.0.1", 0),
              broken,
              new AccessPolicy.LocalOnly(),
              RemoteSettings.defaults(log::add));
      var r = get("/api/routines");
      assertEquals(500, r.statusCode());
      assertOneLineError(r);
      assertEquals("internal error", json(r).get("error").asText());
      assertFalse(r.body().contains("fire"));
      assertTrue(log.stream().anyMatch(l -> l.contains("catalog on fire")), log.toString());
    }
  }

  /** Adds the chunked transfer framing by hand, so no Content-Length announces the size. */
  static byte[] chunk(byte[] body) {
    var out = new java.io.ByteArrayOutputStream();
    int step = 8192;
    for (int i = 0; i < body.length; i += step) {
      int n = Math.min(step, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
