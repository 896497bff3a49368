package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API refuses what it cannot mean, answers HEAD like GET, and keeps its log for real faults.
 */
class ApiStrictnessTest {
  private final FakeSessionHost host = new FakeSessionHost();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private RemoteServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  void serve() {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            host,
            new AccessPolicy.LocalOnly(),
            RemoteSettings.defaults(log::add));
  }

  RawHttp.Reply post(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return RawHttp.send(
        server.address(),
        "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n",
        bytes);
  }

  @Test
  void aKeyGivenTwice_isRefused_inPlainWords() throws Exception {
    serve();
    RawHttp.Reply r = post("{\"routine\": \"back-massage\", \"routine\": \"tiny-test\"}");

    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("a key is given twice ('routine')"), r.body());
    assertEquals(List.of(), host.starts);
  }

  @Test
  void textAfterTheObject_isRefused_withoutJacksonInternals() throws Exception {
    serve();
    RawHttp.Reply r = post("{\"routine\": \"back-massage\"} {\"routine\": \"tiny-test\"}");

    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("there is more after the JSON object"), r.body());
    assertFalse(r.body().contains("Feature"), r.body());
    assertEquals(List.of(), host.starts);
  }

  @Test
  void aBodyTheJdkCannotDecode_isA400InTheApisJson_notAnInternalError() throws Exception {
    serve();
    // "zz" is no chunk length: the JDK's decoder fails while the route reads the body.
    RawHttp.Reply r =
        RawHttp.send(
            server.address(),
            "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertEquals(400, r.status(), r.body());
    assertTrue(
        r.headers().get("content-type").startsWith("application/json"), r.headers()::toString);
    assertTrue(r.body().startsWith("{\"error\":\"the request body could not be read"), r.body());
    assertEquals(List.of(), host.starts);
    assertEquals(List.of(), log, "a client's mistake is not an internal error");
  }

  @Test
  void minutesInQuotes_isTold_toDropTheQuotes() throws Exception {
    serve();
    RawHttp.Reply r = post("{\"routine\": \"back-massage\", \"minutes\": \"8\"}");

    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("'minutes' must be a number without quotes, e.g. 8"), r.body());
  }

  @Test
  void headOfTheSession_isAnsweredLikeGet_withoutABody() throws Exception {
    serve();
    RawHttp.Reply r =
        RawHttp.send(
            server.address(),
            "HEAD /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            null);

    assertEquals(200, r.status(), r.toString());
    assertTrue(r.headers().get("content-type").startsWith("application/json"), r.toString());
    assertEquals("", r.body());
  }

  @Test
  void aClientThatLeavesMidAnswer_isNotLoggedAsAnInternalError() throws Exception {
    serve();
    for (int i = 0; i < 20; i++) {
      try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
        s.setSoLinger(true, 0); // a reset, like a phone that dropped off the network
        s.getOutputStream()
            .write(
                "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
      }
    }
    // One more request makes sure the ones before it were handled.
    RawHttp.Reply after = RawHttp.get(server.address(), "/api/session", "127.0.0.1");
    assertEquals(200, after.status());
    Thread.sleep(200); // handlers of the dropped ones may still be finishing; nothing is timed
    assertEquals(List.of(), log);
  }
}
