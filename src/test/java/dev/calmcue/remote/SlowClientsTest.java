package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.session.Command;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that leave requests unfinished (a slow network, or anyone on it with {@code --bind
 * 0.0.0.0}) never freeze the phone's controls, and their connections are closed in the end.
 */
class SlowClientsTest {
  private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

  /** A safety net so a frozen server fails the test instead of hanging it; not a speed limit. */
  private static final Duration GUARD = Duration.ofSeconds(60);

  private final FakeSessionHost host = new FakeSessionHost();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Socket> sockets = new ArrayList<>();
  private RemoteServer server;

  @AfterEach
  void close() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  void serve() {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            host,
            new AccessPolicy.TokenRequired(AccessToken.of(TOKEN)),
            RemoteSettings.defaults(line -> {}));
  }

  /** Sends the start of a request and never the rest. */
  Socket unfinished(String partialRequest) throws IOException {
    Socket s = new Socket("127.0.0.1", server.address().getPort());
    sockets.add(s);
    s.getOutputStream().write(partialRequest.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  HttpResponse<String> action(String name) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/api/session/" + name);
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(GUARD)
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unfinishedAndUnauthenticatedRequests_neverKeepStopOrFussyWaiting() throws Exception {
    serve();
    host.start(new StartRequest("back-massage", OptionalDouble.empty(), false, false, true));
    for (int i = 0; i < 20; i++) {
      unfinished("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }
    for (int i = 0; i < 20; i++) {
      // Headers done, the promised body never comes (and no access key).
      unfinished("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{");
    }
    for (int i = 0; i < 10; i++) {
      unfinished(
          "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + TOKEN
              + "\r\nContent-Length: 100\r\n\r\n{");
    }

    HttpResponse<String> pause = action("pause");
    HttpResponse<String> fussy = action("fussy");

    assertEquals(202, pause.statusCode(), pause.body());
    assertEquals(202, fussy.statusCode(), fussy.body());
    assertEquals(List.of(Command.PAUSE, Command.FUSSY), host.received);
  }

  @Test
  void aRequestLeftUnfinished_isClosedByTheServer() throws Exception {
    serve();
    Socket slow = unfinished("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    slow.setSoTimeout((int) GUARD.toMillis());
    InputStream in = slow.getInputStream();

    int first;
    try {
      first = in.read();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept an unfinished request open for " + GUARD, e);
    } catch (IOException reset) {
      first = -1; // closed with a reset: closed all the same
    }
    assertEquals(-1, first, "the server closes the connection without an answer");
  }
}
