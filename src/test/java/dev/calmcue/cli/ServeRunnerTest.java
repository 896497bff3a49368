package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import dev.calmcue.remote.FakeSessionHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeRunnerTest {
  private static final Pattern PORT = Pattern.compile(":(\\d+)/");

  @TempDir Path config;
  private final FakeSessionHost host = new FakeSessionHost();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<Runnable> stop = new AtomicReference<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private ServeRunner runner() {
    return new ServeRunner(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        o -> host,
        stop::set,
        config.resolve("calmcue/token"),
        false);
  }

  /**
   * Starts serve on its own thread and waits (bounded, as a safety net) until it has printed its
   * link.
   */
  private CompletableFuture<Integer> serve(ServeOptions options) throws Exception {
    CompletableFuture<Integer> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runner().run(options);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    for (int i = 0; i < 3000 && !out.toString().contains("Ctrl-C"); i++) {
      if (done.isDone()) {
        done.get();
      }
      Thread.sleep(10);
    }
    assertTrue(out.toString().contains("Ctrl-C"), out.toString());
    return done;
  }

  private int port() {
    Matcher m = PORT.matcher(out.toString());
    assertTrue(m.find(), out.toString());
    return Integer.parseInt(m.group(1));
  }

  private static ServeOptions options(String bind, boolean announce) {
    return ServeOptions.parse(bind, 0, announce, true, 1, false);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void on_loopback_it_prints_the_local_link_and_needs_no_token() throws Exception {
    CompletableFuture<Integer> done = serve(options("127.0.0.1", false));
    assertTrue(out.toString().startsWith("calmcue serve: open http://127.0.0.1:"), out.toString());
    assertFalse(out.toString().contains("token"), out.toString());
    assertEquals(200, get(port(), "/api/routines").statusCode());
    assertFalse(Files.exists(config.resolve("calmcue/token")), "no key made for loopback");
    stop.get().run();
    assertEquals(0, done.get(60, TimeUnit.SECONDS));
  }

  @Test
  void stopping_ends_the_session_with_its_closing_then_closes_the_server() throws Exception {
    CompletableFuture<Integer> done = serve(options("127.0.0.1", false));
    int port = port();
    http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"routine\":\"tiny-test\",\"preparation\":false}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    stop.get().run(); // what Ctrl-C / SIGTERM runs; returns once the server is down
    assertEquals(0, done.get(60, TimeUnit.SECONDS));
    assertEquals(1, host.shutdowns);
    assertEquals("stopped", host.history(1).get(0).ending().jsonName());
    assertThrows(IOException.class, () -> get(port, "/api/session"));
    assertTrue(out.toString().contains("calmcue serve: stopped."), out.toString());
  }

  @Test
  void announce_says_calmcue_is_ready_once_listening() throws Exception {
    CompletableFuture<Integer> done = serve(options("127.0.0.1", true));
    assertEquals(java.util.List.of("calmcue is ready"), host.announced);
    stop.get().run();
    done.get(60, TimeUnit.SECONDS);
  }

  @Test
  void beyond_loopback_the_first_start_makes_a_key_and_shows_the_link_with_a_qr_code()
      throws Exception {
    CompletableFuture<Integer> done = serve(options("0.0.0.0", false));
    Path tokenFile = config.resolve("calmcue/token");
    String token = Files.readString(tokenFile).strip();
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
    String printed = out.toString();
    assertTrue(printed.contains("/?token=" + token), printed);
    assertTrue(printed.contains("█") && printed.contains("▀"), "a QR code: " + printed);
    int port = port();
    assertEquals(401, get(port, "/api/session").statusCode());
    assertEquals(303, get(port, "/?token=" + token).statusCode());
    stop.get().run();
    done.get(60, TimeUnit.SECONDS);

    out.getBuffer().setLength(0);
    CompletableFuture<Integer> again = serve(options("0.0.0.0", false));
    assertFalse(out.toString().contains(token), "shown once only: " + out);
    assertTrue(out.toString().contains("--show-link"), out.toString());
    stop.get().run();
    again.get(60, TimeUnit.SECONDS);
  }

  @Test
  void port_0_prints_the_port_the_system_picked_in_every_line_that_names_one() throws Exception {
    CompletableFuture<Integer> done = serve(options("0.0.0.0", false));
    String printed = out.toString();
    int port = port();
    assertTrue(port > 0, printed);
    assertTrue(printed.contains("listening on 0.0.0.0:" + port + " for phones"), printed);
    assertFalse(printed.contains(":0 ") || printed.contains(":0/"), printed);
    assertEquals(
        401, get(port, "/api/session").statusCode(), "the printed port is the one answering");
    stop.get().run();
    done.get(60, TimeUnit.SECONDS);

    out.getBuffer().setLength(0);
    CompletableFuture<Integer> local = serve(options("127.0.0.1", false));
    assertTrue(port() > 0, out.toString());
    assertEquals(200, get(port(), "/api/routines").statusCode());
    stop.get().run();
    local.get(60, TimeUnit.SECONDS);
  }

  @Test
  void show_link_prints_the_link_again_and_exits() throws Exception {
    String token =
        dev.calmcue.remote.AccessToken.loadOrCreate(config.resolve("calmcue/token")).value();
    int code = runner().run(ServeOptions.parse("0.0.0.0", 8765, false, false, 1, true));
    assertEquals(0, code);
    assertTrue(out.toString().contains(":8765/?token=" + token), out.toString());
    assertEquals(null, stop.get(), "nothing left running");
  }

  @Test
  void a_port_in_use_is_one_clear_line() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      var options = ServeOptions.parse("127.0.0.1", taken.getLocalPort(), false, true, 1, false);
      var e = assertThrows(CalmcueException.class, () -> runner().run(options));
      assertEquals(CalmcueException.Kind.RUNTIME, e.kind());
      assertTrue(
          e.getMessage().contains("port " + taken.getLocalPort() + " is already in use"),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }
}
