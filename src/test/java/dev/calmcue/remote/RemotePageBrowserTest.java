package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.audio.AudioFailure;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.live.ServedSessions;
import dev.calmcue.live.ServedSessionsTest;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.ClockPacedSink;
import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.SessionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone page in a real browser (headless Chromium at 360 px) against the server on a fake host
 * whose clock the test moves. Skipped, with the reason printed, where Chromium is not installed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RemotePageBrowserTest {
  private static final Path WORK = Path.of("target", "browser-test");
  private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final FakeSessionHost host = new FakeSessionHost();
  private final HttpClient http = HttpClient.newHttpClient();
  private RemoteServer server;
  private WebDriverClient browser;

  @BeforeEach
  void browser() throws Exception {
    browser = WebDriverClient.forTest("RemotePageBrowserTest", WORK, 360, 740);
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
    serve(host, access, port);
  }

  private void serve(SessionHost sessions, AccessPolicy access, int port) {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", port),
            sessions,
            access,
            RemoteSettings.defaults(line -> System.out.println("server: " + line)));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.address().getPort() + path;
  }

  private JsonNode api(String path) {
    try {
      var r =
          http.send(
              HttpRequest.newBuilder(URI.create(url(path))).build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_parent_starts_a_routine_pauses_and_stops_for_fussy_from_the_phone() throws Exception {
    serve(new AccessPolicy.LocalOnly(), 0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    browser.click("[data-id=tiny-test]");
    WebDriverClient.await(
        "minutes follow the routine", () -> browser.shows("#minutes", "1:30min, as written"));
    browser.click("#less");
    WebDriverClient.await("a minute less", () -> browser.shows("#minutes", "1 min"));
    browser.click("#start");
    WebDriverClient.await("the ready question", () -> browser.shows("#step-title", "Ready?"));
    assertEquals(Status.WAITING_FOR_READY, host.state().status());
    assertTrue(browser.visible("#ready"));
    browser.click("#ready");
    WebDriverClient.await(
        "first step on the page", () -> browser.shows("#step-title", "Warm hands"));
    assertFalse(browser.visible("#ready"));
    assertEquals(Status.PLAYING, host.state().status());
    assertEquals("tiny-test", host.starts.get(0).routineId());
    assertEquals(1.0, host.starts.get(0).minutes().getAsDouble());
    assertEquals("playing", api("/api/session").get("status").asText());

    host.advance(FakeSessionHost.STEP.plusSeconds(4)); // into the second step, as time passes
    WebDriverClient.await(
        "step change pushed to the page", () -> browser.shows("#step-title", "Long strokes"));
    WebDriverClient.await("step counter", () -> browser.shows("#step-of", "Step 2 of 3"));
    WebDriverClient.await("time left in the step", () -> browser.shows("#step-left", "0:06"));
    assertEquals("Long strokes: slow, calm movements.", browser.text("#step-text"));
    assertEquals(1, api("/api/session").at("/step/index").asInt());
    WebDriverClient.await("ring drawn at 40%", () -> ringShowsFraction(0.4));
    assertEquals(360, browser.script("return document.documentElement.clientWidth").asInt());
    assertTrue(
        browser.script("return document.documentElement.scrollWidth").asInt() <= 360,
        "no sideways scrolling");
    JsonNode small =
        browser.script(
            "return [...document.querySelectorAll('button')].filter(b => b.getClientRects().length"
                + " > 0 && b.getBoundingClientRect().height < 64).map(b => b.id + ':' +"
                + " b.getBoundingClientRect().height)");
    assertEquals(0, small.size(), "thumb-sized buttons: " + small);
    browser.screenshot(WORK.resolve("remote-360-fake.png"));

    browser.click("#pause");
    WebDriverClient.await("server paused", () -> host.state().status() == Status.PAUSED);
    WebDriverClient.await("button offers resume", () -> browser.shows("#pause", "Resume"));
    assertEquals("paused", api("/api/session").get("status").asText());
    assertEquals(0, api("/api/history").size(), "nothing recorded while the session runs");

    browser.click("#fussy");
    WebDriverClient.await("server ended", () -> host.state().status() == Status.ENDED);
    assertEquals(SessionOutcome.Ending.FUSSY, host.state().outcome().ending());
    JsonNode history = api("/api/history");
    assertEquals(1, history.size());
    assertEquals("fussy", history.get(0).get("ending").asText());
    assertEquals(1, history.get(0).get("stepsCompleted").asInt());
    WebDriverClient.await(
        "page says it stopped", () -> browser.shows("#ended-title", "Stopped: fussy"));
    assertTrue(browser.visible("#again"));
    assertFalse(browser.visible("#fussy"));
  }

  @Test
  void with_the_real_player_in_text_mode_the_page_follows_the_steps_pause_and_fussy()
      throws Exception {
    Path routines = Files.createDirectories(tmp.resolve("routines"));
    Files.writeString(routines.resolve("tiny.json"), ServedSessionsTest.ROUTINE);
    ServedSessionsTest.SteppedClock clock = new ServedSessionsTest.SteppedClock();
    ServedSessions real =
        new ServedSessions(
            new ServedSessions.Wiring(
                new RoutineCatalog(routines, null, false),
                settings -> new ServedSessionsTest.SilentEngine(),
                rate -> {
                  throw new AudioFailure("no sound card in tests", null);
                },
                clock,
                PlayerSettings.defaults(),
                new HistoryStore(
                    tmp.resolve("history.jsonl"), java.time.Clock.system(ZoneOffset.UTC)),
                true,
                line -> {}));
    try {
      serve(real, new AccessPolicy.LocalOnly(), 0);
      browser.open(url("/"));
      WebDriverClient.await(
          "routines listed", () -> browser.shows("[data-id=tiny] .mins", "1–2 min"));
      browser.click("#prep"); // straight to the steps, no checklist
      browser.click("#start");
      // The player runs on a clock the test moves: half a second of session per look at the page.
      WebDriverClient.await(
          "first step",
          () ->
              clock.advanceThen(
                  Duration.ofMillis(500), () -> browser.shows("#step-title", "Warm hands")));
      assertEquals("Rest your warm hands on the back.", browser.text("#step-text"));
      WebDriverClient.await(
          "step change",
          () ->
              clock.advanceThen(
                  Duration.ofMillis(500), () -> browser.shows("#step-title", "Long strokes")));
      assertEquals(1, api("/api/session").at("/step/index").asInt());
      assertTrue(api("/api/session").get("textMode").isTextual(), "text mode reported");

      browser.click("#pause");
      // The player acts on commands between 20 ms chunks of its clock, so time must move for it to.
      WebDriverClient.await(
          "server paused",
          () ->
              clock.advanceThen(
                  Duration.ofMillis(100), () -> real.state().status() == Status.PAUSED));
      WebDriverClient.await("button offers resume", () -> browser.shows("#pause", "Resume"));
      assertEquals("paused", api("/api/session").get("status").asText());
      assertEquals(0, api("/api/history").size());

      browser.click("#fussy");
      WebDriverClient.await(
          "ended fussy",
          () ->
              clock.advanceThen(
                  Duration.ofMillis(200), () -> real.state().status() == Status.ENDED));
      assertEquals(SessionOutcome.Ending.FUSSY, real.state().outcome().ending());
      JsonNode history = api("/api/history");
      assertEquals(1, history.size());
      assertEquals("fussy", history.get(0).get("ending").asText());
      assertEquals("tiny", history.get(0).get("routineId").asText());
      assertEquals(1, history.get(0).get("stepsCompleted").asInt());
      WebDriverClient.await(
          "page says it stopped", () -> browser.shows("#ended-title", "Stopped: fussy"));
    } finally {
      real.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void a_bundled_routine_on_the_speaker_at_360_px_shows_its_real_step_and_words() throws Exception {
    ServedSessionsTest.SteppedClock clock = new ServedSessionsTest.SteppedClock();
    ServedSessions real =
        new ServedSessions(
            new ServedSessions.Wiring(
                new RoutineCatalog(null, null, true),
                settings -> new ServedSessionsTest.SilentEngine(),
                rate ->
                    new ClockPacedSink(
                        clock, rate, 1), // a speaker that plays in step with the test's clock
                clock,
                PlayerSettings.defaults(),
                new HistoryStore(
                    tmp.resolve("history.jsonl"), java.time.Clock.system(ZoneOffset.UTC)),
                false,
                line -> {}));
    try {
      serve(real, new AccessPolicy.LocalOnly(), 0);
      browser.open(url("/"));
      WebDriverClient.await(
          "routines listed", () -> browser.shows("[data-id=back-massage] .mins", "5–10 min"));
      browser.screenshot(WORK.resolve("remote-360-picker.png"));
      browser.click("[data-id=back-massage]");
      browser.click("#prep");
      browser.click("#start");
      WebDriverClient.await(
          "second step",
          () -> clock.advanceThen(Duration.ofSeconds(2), () -> real.state().stepIndex() == 1));
      double stepTotal = real.state().stepTotal().toMillis() / 1000.0;
      WebDriverClient.await(
          "a third into the step",
          () ->
              clock.advanceThen(
                  Duration.ofMillis(500),
                  () -> real.state().stepElapsed().toMillis() / 1000.0 >= stepTotal / 3));
      String title = real.state().stepTitle();
      WebDriverClient.await(
          "page caught up",
          () ->
              browser.shows("#step-title", title)
                  && browser.shows("#step-of", "Step 2 of " + real.state().stepCount()));
      assertEquals(real.state().stepText(), browser.text("#step-text"));
      assertFalse(
          browser.text("#status-line").contains("no sound"), "sound plays: no text-mode note");
      WebDriverClient.await(
          "ring settled",
          () -> {
            SessionState s = real.state();
            return ringShowsFraction(
                s.stepElapsed().toMillis() / (double) s.stepTotal().toMillis());
          });
      browser.screenshot(WORK.resolve("remote-360.png")); // the picture in docs/
    } finally {
      real.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void on_a_desktop_the_controls_stay_one_centred_column() throws Exception {
    browser.close();
    browser = new WebDriverClient(WORK, 1280, 800);
    serve(new AccessPolicy.LocalOnly(), 0);
    host.start(
        new StartRequest("back-massage", java.util.OptionalDouble.empty(), false, false, true));
    browser.open(url("/"));
    WebDriverClient.await("session shown", () -> browser.shows("#step-title", "Warm hands"));
    JsonNode box =
        browser.script(
            "const r = document.querySelector('main').getBoundingClientRect();"
                + " return {left: r.left, right: innerWidth - r.right, width: r.width};");
    assertTrue(box.get("width").asDouble() <= 520, box.toString());
    assertEquals(box.get("left").asDouble(), box.get("right").asDouble(), 1.0, "centred: " + box);
    browser.screenshot(WORK.resolve("remote-desktop.png"));
  }

  @Test
  void the_page_says_reconnecting_while_the_server_is_away_and_recovers_by_itself()
      throws Exception {
    serve(new AccessPolicy.LocalOnly(), 0);
    int port = server.address().getPort();
    browser.open(url("/"));
    WebDriverClient.await("live", () -> hasClass("#conn", "live"));
    server.close();
    WebDriverClient.await("reconnecting shown", () -> browser.shows("#conn", "reconnecting…"));
    serve(new AccessPolicy.LocalOnly(), port);
    host.start(
        new StartRequest("back-massage", java.util.OptionalDouble.empty(), false, false, true));
    WebDriverClient.await("live again", () -> hasClass("#conn", "live"));
    WebDriverClient.await(
        "session seen after reconnect", () -> browser.shows("#step-title", "Warm hands"));
  }

  @Test
  void a_phone_pairs_with_the_token_link_and_the_token_leaves_the_address_bar() throws Exception {
    serve(new AccessPolicy.TokenRequired(AccessToken.of(TOKEN)), 0);
    browser.open(url("/"));
    WebDriverClient.await(
        "unpaired notice",
        () -> {
          try {
            return browser.visible("#notice") && browser.text("#notice").contains("not paired");
          } catch (IOException e) {
            return false;
          }
        });
    browser.open(url("/?token=" + TOKEN));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=back-massage] .mins", "5–12 min"));
    assertEquals(url("/"), browser.currentUrl());
    assertTrue(browser.script("return document.cookie").asText().isEmpty(), "cookie is HttpOnly");
    browser.click("#start");
    WebDriverClient.await("started with the cookie", () -> host.state().running());
    WebDriverClient.await("live", () -> hasClass("#conn", "live"));
  }

  /** The progress ring's arc, once its transition has settled. */
  private boolean ringShowsFraction(double fraction) {
    try {
      double offset =
          browser
              .script(
                  "return parseFloat(getComputedStyle(document.getElementById('ring-fill'))"
                      + ".strokeDashoffset)")
              .asDouble();
      double circumference = 2 * Math.PI * 52;
      return Math.abs(offset - circumference * (1 - fraction)) < 0.5;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean hasClass(String css, String cls) {
    try {
      return browser
          .script(
              "const e = document.querySelector('"
                  + css
                  + "'); return !!e && e.classList.contains('"
                  + cls
                  + "');")
          .asBoolean();
    } catch (IOException e) {
      return false;
    }
  }
}
