package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calmcue.music.MusicSettings;
import dev.calmcue.music.MusicStyle;
import dev.calmcue.plan.PromptAmount;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.session.Command;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The phone page at night on a 360 x 740 phone: the control bar, a lost speaker box, an old
 * session's end, and the accessibility audit, in headless Chromium against a fake host.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RemotePageControlsBrowserTest {
  private static final Path WORK = Path.of("target", "browser-test");
  private static final int WIDTH = 360;
  private static final int HEIGHT = 740;
  private static final List<String> CONTROLS =
      List.of("#ready", "#pause", "#repeat", "#next", "#fussy", "#stop");

  private final FakeSessionHost host = new FakeSessionHost();
  private RemoteServer server;
  private WebDriverClient browser;

  @BeforeEach
  void browser() throws Exception {
    browser = WebDriverClient.forTest("RemotePageControlsBrowserTest", WORK, WIDTH, HEIGHT);
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

  private void serve(int port) {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", port),
            host,
            new AccessPolicy.LocalOnly(),
            RemoteSettings.defaults(line -> System.out.println("server: " + line)));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.address().getPort() + path;
  }

  private boolean visible(String css) {
    try {
      return browser.visible(css);
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void the_control_bar_keeps_every_control_in_reach_and_in_place_in_every_state() throws Exception {
    serve(0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    assertFalse(visible("#controls"), "no session controls on the picker");
    assertInView("#start");
    browser.click("#start");

    WebDriverClient.await("the ready question", () -> browser.shows("#step-title", "Ready?"));
    assertEquals(Status.WAITING_FOR_READY, host.state().status());
    assertTrue(browser.visible("#ready"));
    assertFalse(browser.visible("#pause"), "Pause hidden while waiting for Ready");
    JsonNode ready = browser.rect("#ready");
    for (String css : List.of("#repeat", "#next", "#fussy", "#stop")) {
      assertTrue(
          ready.get("height").asDouble() > browser.rect(css).get("height").asDouble(),
          "Ready is the one big button: " + css);
    }
    assertTrue(
        browser
            .script("return document.getElementById('ready').classList.contains('primary')")
            .asBoolean(),
        "Ready is the primary button");
    JsonNode fussy = assertBarInView("waiting");
    browser.screenshot(WORK.resolve("remote-360-waiting.png"));

    browser.click("#ready");
    WebDriverClient.await("first step", () -> browser.shows("#step-title", "Warm hands"));
    WebDriverClient.await("pause shown", () -> visible("#pause"));
    assertSamePlace(ready, browser.rect("#pause"), "Pause where Ready was");
    assertSamePlace(fussy, assertBarInView("playing"), "Fussy stays put");
    JsonNode pause = browser.rect("#pause");
    browser.screenshot(WORK.resolve("remote-360-playing.png"));

    browser.click("#pause");
    WebDriverClient.await("button offers resume", () -> browser.shows("#pause", "Resume"));
    assertSamePlace(pause, browser.rect("#pause"), "Resume where Pause was");
    assertSamePlace(fussy, assertBarInView("paused"), "Fussy stays put when paused");
    browser.screenshot(WORK.resolve("remote-360-paused.png"));

    // Scrolled to the very bottom: the bar does not move and nothing of the step hides under it.
    browser.script("window.scrollTo(0, document.body.scrollHeight)");
    assertSamePlace(pause, browser.rect("#pause"), "Resume stays put when scrolled");
    double barTop = browser.rect("#controls").get("top").asDouble();
    assertTrue(
        browser.rect("#status-line").get("bottom").asDouble() <= barTop,
        "the status line is above the bar");

    browser.click("#stop");
    WebDriverClient.await("ended", () -> browser.shows("#ended-title", "Session stopped"));
    assertFalse(visible("#controls"), "no session controls once it ended");
    assertInView("#again");
  }

  /** Fussy and End session fully on screen, without scrolling; returns Fussy's place. */
  private JsonNode assertBarInView(String state) throws IOException {
    for (String css : CONTROLS) {
      if (browser.visible(css)) {
        assertInView(css);
      }
    }
    assertTrue(
        browser.visible("#fussy") && browser.visible("#stop"), state + ": both ways to end shown");
    return browser.rect("#fussy");
  }

  private void assertInView(String css) throws IOException {
    JsonNode r = browser.rect(css);
    assertNotNull(r, css);
    assertTrue(
        r.get("top").asDouble() >= 0
            && r.get("bottom").asDouble() <= HEIGHT
            && r.get("left").asDouble() >= 0
            && r.get("right").asDouble() <= WIDTH,
        css + " inside the 360 x 740 screen: " + r);
  }

  private static void assertSamePlace(JsonNode a, JsonNode b, String what) {
    for (String side : List.of("top", "left", "width", "height")) {
      assertEquals(a.get(side).asDouble(), b.get(side).asDouble(), 0.5, what + " (" + side + ")");
    }
  }

  @Test
  void a_lost_speaker_box_is_said_plainly_with_the_controls_greyed_and_the_timer_frozen()
      throws Exception {
    serve(0);
    host.start(new StartRequest("tiny-test", OptionalDouble.empty(), false, false, true));
    host.advance(java.time.Duration.ofSeconds(3));
    browser.open(url("/"));
    WebDriverClient.await("session shown", () -> browser.shows("#step-left", "0:07"));
    assertFalse(visible("#lost"));

    server.close();
    WebDriverClient.await("lost banner", () -> visible("#lost"));
    assertTrue(
        browser.text("#lost").startsWith("Can’t reach the speaker box – it may still be speaking."),
        browser.text("#lost"));
    for (String css : List.of("#pause", "#repeat", "#next", "#fussy", "#stop")) {
      assertTrue(
          browser.script("return document.querySelector('" + css + "').disabled").asBoolean(),
          css + " greyed");
    }
    host.advance(java.time.Duration.ofSeconds(2)); // the box speaks on; the page cannot know
    assertEquals("0:07", browser.text("#step-left"), "timer frozen at the last known time");
    assertInView("#lost");
    browser.screenshot(WORK.resolve("remote-360-lost.png"));

    // A tap that still got through to fetch() fails: the page speaks of the box, not of fetch.
    browser.script("const b = document.getElementById('next'); b.disabled = false; b.click();");
    WebDriverClient.await(
        "the failed tap settled",
        () -> {
          try {
            return browser.script("return document.getElementById('next').disabled").asBoolean();
          } catch (IOException e) {
            return false;
          }
        });
    String all = browser.script("return document.body.innerText").asText();
    assertFalse(all.contains("Failed to fetch") || all.contains("NetworkError"), all);

    serve(server.address().getPort());
    WebDriverClient.await("back again", () -> !visible("#lost"));
    WebDriverClient.await("timer moves on", () -> browser.shows("#step-left", "0:05"));
    assertFalse(browser.script("return document.getElementById('pause').disabled").asBoolean());
  }

  @Test
  void a_command_said_to_the_microphone_shows_what_was_heard_for_a_moment() throws Exception {
    serve(0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    host.start(new StartRequest("tiny-test", OptionalDouble.empty(), false, false, true));
    WebDriverClient.await("session shown", () -> visible("#controls"));
    host.send(Command.PAUSE);
    WebDriverClient.await("paused", () -> statusLine().startsWith("Paused"));
    assertFalse(statusLine().contains("Heard"), "the phone's own tap needs no echo");
    host.say(Command.RESUME);
    WebDriverClient.await("heard", () -> statusLine().startsWith("Heard: resume · "));
    WebDriverClient.await("gone after a moment", () -> !statusLine().contains("Heard"));
  }

  private String statusLine() {
    try {
      String t = browser.text("#status-line");
      return t == null ? "" : t;
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void a_freshly_opened_page_offers_a_new_session_and_mentions_the_last_one_in_passing()
      throws Exception {
    serve(0);
    host.start(new StartRequest("tiny-test", OptionalDouble.empty(), false, false, true));
    host.send(Command.FUSSY);
    assertEquals(Status.ENDED, host.state().status());
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    WebDriverClient.await("last session line", () -> visible("#last"));
    assertTrue(browser.visible("#picker"));
    assertFalse(browser.visible("#ended"), "an old end is not shown as current");
    assertTrue(
        browser.text("#last").startsWith("Last session (Tiny test): Stopped early"),
        browser.text("#last"));
  }

  @Test
  void the_phone_starts_with_the_same_length_as_the_command_line_unless_changed() throws Exception {
    serve(0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    browser.click("[data-id=tiny-test]");
    WebDriverClient.await("as written", () -> browser.shows("#minutes", "1:30min, as written"));
    browser.click("#more");
    WebDriverClient.await("one whole minute up", () -> browser.shows("#minutes", "2 min"));
    browser.click("#less");
    browser.click("#less");
    WebDriverClient.await("down to the shortest", () -> browser.shows("#minutes", "1 min"));
    browser.click("#start");
    WebDriverClient.await("started", () -> host.starts.size() == 1);
    assertEquals(OptionalDouble.of(1.0), host.starts.get(0).minutes());
    host.send(Command.STOP);

    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    browser.click("[data-id=tiny-test]");
    WebDriverClient.await("as written", () -> browser.shows("#minutes", "1:30min, as written"));
    browser.click("#start");
    WebDriverClient.await("started again", () -> host.starts.size() == 2);
    assertEquals(OptionalDouble.empty(), host.starts.get(1).minutes(), "as written, like play");
  }

  @Test
  void
      a_start_from_the_page_sends_fewer_prompts_and_the_music_volume_and_bedtime_brings_the_lullaby()
          throws Exception {
    serve(0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    browser.click("[data-id=tiny-test]");
    assertTrue(
        browser.script("return document.getElementById('music-volume').disabled").asBoolean(),
        "no volume to set while the music is off");
    browser.click("#bedtime");
    WebDriverClient.await("the lullaby comes with bedtime", () -> checkedMusic().equals("lullaby"));
    browser.click("#few");
    browser.script(
        "const v = document.getElementById('music-volume'); v.value = 25;"
            + " v.dispatchEvent(new Event('input'));");
    WebDriverClient.await("the volume shown", () -> browser.shows("#music-volume-value", "25%"));
    browser.click("#start");
    WebDriverClient.await("started", () -> host.starts.size() == 1);
    StartRequest first = host.starts.get(0);
    assertEquals(PromptAmount.FEW, first.prompts());
    assertEquals(new MusicSettings(MusicStyle.LULLABY, 25), first.music());
    assertTrue(first.bedtime());
    host.send(Command.STOP);

    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    browser.click("[data-id=tiny-test]");
    browser.click("input[name=music][value=pulse]");
    browser.click("#bedtime");
    assertEquals("pulse", checkedMusic(), "a music the parent chose stays at bedtime");
    browser.click("#start");
    WebDriverClient.await("started again", () -> host.starts.size() == 2);
    StartRequest second = host.starts.get(1);
    assertEquals(PromptAmount.NORMAL, second.prompts(), "every prompt unless asked for fewer");
    assertEquals(new MusicSettings(MusicStyle.PULSE, MusicSettings.DEFAULT_VOLUME), second.music());
  }

  private String checkedMusic() {
    try {
      return browser
          .script("return document.querySelector('input[name=music]:checked').value")
          .asText();
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void the_page_is_installable_with_a_manifest_and_icons() throws Exception {
    serve(0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    JsonNode manifest = browser.cdp("Page.getAppManifest", null);
    assertEquals(0, manifest.path("errors").size(), manifest.toString());
    JsonNode parsed =
        browser.asyncScript("fetch('/manifest.webmanifest').then(r => r.json()).then(done)");
    assertEquals("calmcue", parsed.get("short_name").asText());
    assertEquals("standalone", parsed.get("display").asText());
    for (JsonNode icon : parsed.get("icons")) {
      JsonNode size =
          browser.asyncScript(
              "const i = new Image(); i.onload = () => done([i.naturalWidth,"
                  + " i.naturalHeight]); i.onerror = () => done(null); i.src = '"
                  + icon.get("src").asText()
                  + "';");
      assertTrue(size.isArray() && size.get(0).asInt() > 0, icon + " loads");
    }
    JsonNode installable = browser.cdp("Page.getInstallabilityErrors", null);
    System.out.println("installability: " + installable);
    assertEquals(0, installable.path("installabilityErrors").size(), installable.toString());
  }

  @Test
  void the_accessibility_audit_finds_nothing_idle_during_a_session_and_offline() throws Exception {
    var audit = PageAudit.find();
    if (audit.isEmpty()) {
      System.out.println("accessibility audit skipped: " + PageAudit.MISSING);
    }
    Assumptions.assumeTrue(audit.isPresent(), PageAudit.MISSING);
    serve(0);
    browser.open(url("/"));
    WebDriverClient.await(
        "routines listed", () -> browser.shows("[data-id=tiny-test] .mins", "1–2 min"));
    audit.get().assertClean(browser, "idle");
    browser.click("#start");
    WebDriverClient.await("the ready question", () -> browser.shows("#step-title", "Ready?"));
    audit.get().assertClean(browser, "waiting for Ready");
    browser.click("#ready");
    WebDriverClient.await("first step", () -> browser.shows("#step-title", "Warm hands"));
    audit.get().assertClean(browser, "playing");
    browser.click("#pause");
    WebDriverClient.await("paused", () -> browser.shows("#pause", "Resume"));
    audit.get().assertClean(browser, "paused");
    server.close();
    WebDriverClient.await("lost banner", () -> visible("#lost"));
    audit.get().assertClean(browser, "offline");
  }
}
