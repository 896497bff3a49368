package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventStreamTest {
  private final FakeSessionHost host = new FakeSessionHost();
  private final HttpClient http = HttpClient.newHttpClient();
  private RemoteServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void serve(Duration heartbeat, int maxPages) {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            host,
            new AccessPolicy.LocalOnly(),
            new RemoteSettings(heartbeat, maxPages, line -> {}));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  private int post(String path, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void a_new_page_first_gets_the_whole_state() throws Exception {
    serve(Duration.ofSeconds(15), 4);
    try (SseReader sse = new SseReader(http, uri("/api/events"))) {
      assertEquals(200, sse.response.statusCode());
      assertTrue(
          sse.response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/event-stream"));
      var first = sse.next("state");
      assertEquals("idle", first.data().at("/state/status").asText());
    }
  }

  @Test
  void the_page_hears_steps_cues_progress_pause_and_the_end_in_order() throws Exception {
    serve(Duration.ofSeconds(15), 4);
    try (SseReader sse = new SseReader(http, uri("/api/events"))) {
      sse.next("state");
      assertEquals(201, post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}"));
      var started = sse.next("started");
      assertEquals("starting", started.data().at("/state/status").asText());
      assertEquals("tiny-test", started.data().at("/state/routine").asText());
      assertEquals("fake host: no sound", sse.next("textmode").data().at("/event/reason").asText());
      var step = sse.next("step");
      assertEquals(0, step.data().at("/event/index").asInt());
      assertEquals("Warm hands", step.data().at("/event/title").asText());
      var cue = sse.next("cue");
      assertEquals("instruction", cue.data().at("/event/kind").asText());
      assertEquals("Warm hands: slow, calm movements.", cue.data().at("/state/step/text").asText());

      host.advance(Duration.ofSeconds(3));
      var progress = sse.next("progress");
      assertEquals(1.0, progress.data().at("/event/stepElapsed").asDouble());
      assertEquals(10.0, progress.data().at("/event/stepTotal").asDouble());
      host.advance(Duration.ofSeconds(7));
      List<SseReader.Event> between = new ArrayList<>();
      var second = sse.next("step", between);
      assertEquals("Long strokes", second.data().at("/state/step/title").asText());
      assertEquals(
          9,
          between.stream().filter(e -> e.type().equals("progress")).count(),
          "one progress a second for the rest of the first step: " + between);

      assertEquals(202, post("/api/session/pause", ""));
      var pause = sse.next("pause");
      assertTrue(pause.data().at("/event/paused").asBoolean());
      assertEquals("paused", pause.data().at("/state/status").asText());

      assertEquals(202, post("/api/session/fussy", ""));
      var ended = sse.next("ended");
      assertEquals("fussy", ended.data().at("/event/ending").asText());
      assertEquals(1, ended.data().at("/event/stepsCompleted").asInt());
      assertEquals("ended", ended.data().at("/state/status").asText());
    }
  }

  @Test
  void every_open_page_gets_the_same_events() throws Exception {
    serve(Duration.ofSeconds(15), 4);
    try (SseReader a = new SseReader(http, uri("/api/events"));
        SseReader b = new SseReader(http, uri("/api/events"))) {
      a.next("state");
      b.next("state");
      post("/api/session", "{\"routine\":\"tiny-test\",\"preparation\":false}");
      assertEquals("Warm hands", a.next("step").data().at("/event/title").asText());
      assertEquals("Warm hands", b.next("step").data().at("/event/title").asText());
    }
  }

  @Test
  void an_idle_stream_gets_a_keepalive_comment() throws Exception {
    serve(Duration.ofMillis(50), 4);
    try (SseReader sse = new SseReader(http, uri("/api/events"))) {
      sse.next("state");
      assertEquals(": keepalive", sse.next("comment").raw());
    }
  }

  @Test
  void a_page_that_went_away_is_dropped() throws Exception {
    serve(Duration.ofMillis(20), 4);
    try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 200", head);
      for (int i = 0; i < 1500 && server.openPages() == 0; i++) {
        Thread.sleep(20); // the stream is registered just after its headers go out
      }
      assertEquals(1, server.openPages());
    }
    // The heartbeat writes to the closed socket, fails, and removes the page.
    for (int i = 0; i < 1500 && server.openPages() > 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, server.openPages());
  }

  @Test
  void more_pages_than_allowed_get_503() throws Exception {
    serve(Duration.ofSeconds(15), 1);
    try (SseReader first = new SseReader(http, uri("/api/events"))) {
      first.next("state");
      var second =
          http.send(
              HttpRequest.newBuilder(uri("/api/events")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(503, second.statusCode());
    }
  }

  @Test
  void the_cap_holds_when_many_pages_connect_at_once() throws Exception {
    serve(Duration.ofSeconds(15), 16);
    int port = server.address().getPort();
    List<Socket> pages = new ArrayList<>();
    ExecutorService connect = Executors.newFixedThreadPool(50);
    try {
      List<Future<String>> answers = new ArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      for (int i = 0; i < 100; i++) {
        // 100 phones: each from its own address (all of 127/8 is this machine).
        InetAddress from = InetAddress.getByName("127.0.1." + (i + 1));
        answers.add(
            connect.submit(
                () -> {
                  Socket s = new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
                  synchronized (pages) {
                    pages.add(s);
                  }
                  s.setSoTimeout(30_000);
                  go.await();
                  s.getOutputStream()
                      .write(
                          "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                  return new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                }));
      }
      go.countDown();
      int admitted = 0;
      for (Future<String> a : answers) {
        admitted += a.get().equals("HTTP/1.1 200") ? 1 : 0;
      }
      assertEquals(16, admitted);
      assertEquals(16, server.openPages());
    } finally {
      connect.shutdownNow();
      for (Socket s : pages) {
        s.close();
      }
    }
  }

  @Test
  void a_page_that_closed_frees_its_slot_for_the_next_one_at_once() throws Exception {
    serve(Duration.ofSeconds(15), 1);
    try (Socket gone = new Socket("127.0.0.1", server.address().getPort())) {
      gone.getOutputStream()
          .write(
              "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      // Read up to the end of the first state event, as a page does, then close cleanly (no reset).
      String read = "";
      InputStream in = gone.getInputStream();
      while (!read.contains("event: state") || !read.endsWith("\n\n")) {
        int b = in.read();
        assertTrue(b >= 0, read);
        read += (char) b;
      }
    }
    // The phone reloads: the closed stream's slot must not answer 503 until a heartbeat finds it.
    try (SseReader again = new SseReader(http, uri("/api/events"))) {
      assertEquals(200, again.response.statusCode());
      again.next("state");
      assertEquals(1, server.openPages());
    }
  }

  @Test
  void closing_the_server_ends_open_streams() throws Exception {
    serve(Duration.ofSeconds(15), 4);
    SseReader sse = new SseReader(http, uri("/api/events"));
    sse.next("state");
    server.close();
    server = null;
    sse.next("closed");
    sse.close();
  }
}
