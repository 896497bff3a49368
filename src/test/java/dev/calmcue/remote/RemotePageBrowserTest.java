package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.session.SessionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The phone page in a real browser (headless Chromium at 360 px) against the server on a fake host
 * whose clock the test moves. Skipped, with the reason printed, where Chromium is not installed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RemotePageBrowserTest {
  private static final Path WORK = Path.of("target", "browser-test");
  private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeSessionHost host = new FakeSessionHost();
  private final HttpClient http = HttpClient.newHttpClient();
  private RemoteServer server;
  private WebDriverClient browser;

  @BeforeEach
  void browser() throws Exception {
    var missing = WebDriverClient.unavailable();
    if (missing.isPresent()) {
      System.out.println("RemotePageBrowserTest skipped: " + missing.get());
    }
    Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.get());
    browser = new WebDriverClient(WORK, 360, 780);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void serve(AccessPolicy access, int port) {
    server = RemoteServer.start(new InetSocketAddress("127.0.0.1", port), host, access,
        RemoteSettings.defaults(line -> System.out.println("server: " + line)));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.address().getPort() + path;
  }

  private JsonNode api(String path) {
    try {
      var r = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean pageShows(String css, String text) {
    try {
      return text.equals(browser.text(css));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void the_parent_starts_a_routine_pauses_and_stops_for_fussy_from_the_phone() throws Exception {
    serve(new AccessPolicy.LocalOnly(), 0);
    browser.open(url("/"));
    WebDriverClient.await("routines listed", () -> pageShows("[data-id=tiny-test] .mins", "1–2 min"));
    browser.screenshot(WORK.resolve("remote-360-picker.png"));

    browser.click("[data-id=tiny-test]");
    WebDriverClient.await("minutes follow the routine", () -> pageShows("#minutes", "1 min"));
    browser.click("#start");
    WebDriverClient.await("the ready question", () -> pageShows("#step-title", "Ready?"));
    assertEquals(Status.WAITING_FOR_READY, host.state().status());
    assertTrue(browser.visible("#ready"));
    browser.click("#ready");
    WebDriverClient.await("first step on the page", () -> pageShows("#step-title", "Warm hands"));
    assertFalse(browser.visible("#ready"));
    assertEquals(Status.PLAYING, host.state().status());
    assertEquals("tiny-test", host.starts.get(0).routineId());
    assertEquals(1.0, host.starts.get(0).minutes().getAsDouble());
    assertEquals("playing", api("/api/session").get("status").asText());

    host.advance(FakeSessionHost.STEP.plusSeconds(4)); // into the second step, as time passes
    WebDriverClient.await("step change pushed to the page", () -> pageShows("#step-title", "Long strokes"));
    WebDriverClient.await("step counter", () -> pageShows("#step-of", "Step 2 of 3"));
    WebDriverClient.await("time left in the step", () -> pageShows("#step-left", "0:06"));
    assertEquals("Long strokes: slow, calm movements.", browser.text("#step-text"));
    assertEquals(1, api("/api/session").at("/step/index").asInt());
    WebDriverClient.await("ring drawn at 40%", () -> ringShowsFraction(0.4));
    assertEquals(360, browser.script("return document.documentElement.clientWidth").asInt());
    assertTrue(browser.script("return document.documentElement.scrollWidth").asInt() <= 360, "no sideways scrolling");
    JsonNode small = browser.script("return [...document.querySelectorAll('button')]"
        + ".filter(b => b.getClientRects().length > 0 && b.getBoundingClientRect().height < 64)"
        + ".map(b => b.id + ':' + b.getBoundingClientRect().height)");
    assertEquals(0, small.size(), "thumb-sized buttons: " + small);
    browser.screenshot(WORK.resolve("remote-360.png"));

    browser.click("#pause");
    WebDriverClient.await("server paused", () -> host.state().status() == Status.PAUSED);
    WebDriverClient.await("button offers resume", () -> pageShows("#pause", "Resume"));
    assertEquals("paused", api("/api/session").get("status").asText());
    assertEquals(0, api("/api/history").size(), "nothing recorded while the session runs");

    browser.click("#fussy");
    WebDriverClient.await("server ended", () -> host.state().status() == Status.ENDED);
    assertEquals(SessionOutcome.Ending.FUSSY, host.state().outcome().ending());
    JsonNode history = api("/api/history");
    assertEquals(1, history.size());
    assertEquals("fussy", history.get(0).get("ending").asText());
    assertEquals(1, history.get(0).get("stepsCompleted").asInt());
    WebDriverClient.await("page says it stopped", () -> pageShows("#ended-title", "Stopped: fussy"));
    assertTrue(browser.visible("#again"));
    assertFalse(browser.visible("#fussy"));
  }

  @Test
  void on_a_desktop_the_controls_stay_one_centred_column() throws Exception {
    browser.close();
    browser = new WebDriverClient(WORK, 1280, 800);
    serve(new AccessPolicy.LocalOnly(), 0);
    host.start(new StartRequest("back-massage", java.util.OptionalDouble.empty(), false, false, true));
    browser.open(url("/"));
    WebDriverClient.await("session shown", () -> pageShows("#step-title", "Warm hands"));
    JsonNode box = browser.script("const r = document.querySelector('main').getBoundingClientRect();"
        + " return {left: r.left, right: innerWidth - r.right, width: r.width};");
    assertTrue(box.get("width").asDouble() <= 520, box.toString());
    assertEquals(box.get("left").asDouble(), box.get("right").asDouble(), 1.0, "centred: " + box);
    browser.screenshot(WORK.resolve("remote-desktop.png"));
  }

  @Test
  void the_page_says_reconnecting_while_the_server_is_away_and_recovers_by_itself() throws Exception {
    serve(new AccessPolicy.LocalOnly(), 0);
    int port = server.address().getPort();
    browser.open(url("/"));
    WebDriverClient.await("live", () -> hasClass("#conn", "live"));
    server.close();
    WebDriverClient.await("reconnecting shown", () -> pageShows("#conn", "reconnecting…"));
    serve(new AccessPolicy.LocalOnly(), port);
    host.start(new StartRequest("back-massage", java.util.OptionalDouble.empty(), false, false, true));
    WebDriverClient.await("live again", () -> hasClass("#conn", "live"));
    WebDriverClient.await("session seen after reconnect", () -> pageShows("#step-title", "Warm hands"));
  }

  @Test
  void a_phone_pairs_with_the_token_link_and_the_token_leaves_the_address_bar() throws Exception {
    serve(new AccessPolicy.TokenRequired(AccessToken.of(TOKEN)), 0);
    browser.open(url("/"));
    WebDriverClient.await("unpaired notice", () -> {
      try {
        return browser.visible("#notice") && browser.text("#notice").contains("not paired");
      } catch (IOException e) {
        return false;
      }
    });
    browser.open(url("/?token=" + TOKEN));
    WebDriverClient.await("routines listed", () -> pageShows("[data-id=back-massage] .mins", "5–12 min"));
    assertEquals(url("/"), browser.currentUrl());
    assertTrue(browser.script("return document.cookie").asText().isEmpty(), "cookie is HttpOnly");
    browser.click("#start");
    WebDriverClient.await("started with the cookie", () -> host.state().running());
    WebDriverClient.await("live", () -> hasClass("#conn", "live"));
  }

  /** The progress ring's arc, once its transition has settled. */
  private boolean ringShowsFraction(double fraction) {
    try {
      double offset = browser.script("return parseFloat(getComputedStyle(document.getElementById('ring-fill'))"
          + ".strokeDashoffset)").asDouble();
      double circumference = 2 * Math.PI * 52;
      return Math.abs(offset - circumference * (1 - fraction)) < 0.5;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean hasClass(String css, String cls) {
    try {
      return browser.script("const e = document.querySelector('" + css + "'); return !!e && e.classList.contains('"
          + cls + "');").asBoolean();
    } catch (IOException e) {
      return false;
    }
  }

}
