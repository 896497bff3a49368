package dev.calmcue.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver JSON API with java.net.http: no
 * browser-automation library needed for the handful of calls a page test makes.
 */
final class WebDriverClient implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  /**
   * A safety net so a stuck browser fails the test instead of hanging the build; not a speed limit.
   */
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;

  /** Why the browser test cannot run here, or empty when it can. */
  static Optional<String> unavailable() {
    if (!Files.isExecutable(CHROMIUM)) {
      return Optional.of("no " + CHROMIUM + " (Debian package chromium)");
    }
    if (driverBinary().isEmpty()) {
      return Optional.of("no chromedriver (Debian package chromium-driver)");
    }
    return Optional.empty();
  }

  private static Optional<Path> driverBinary() {
    for (String dir : List.of("/usr/bin", "/usr/lib/chromium")) {
      Path p = Path.of(dir, "chromedriver");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * A browser for {@code test}, or the test is skipped (with the reason printed) where Chromium or
   * its driver is not installed.
   */
  static WebDriverClient forTest(String test, Path workDir, int width, int height)
      throws Exception {
    var missing = unavailable();
    if (missing.isPresent()) {
      System.out.println(test + " skipped: " + missing.get());
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        missing.isEmpty(), () -> "skipped: " + missing.get());
    return new WebDriverClient(workDir, width, height);
  }

  WebDriverClient(Path workDir, int width, int height) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.createDirectories(workDir);
    driver =
        new ProcessBuilder(driverBinary().orElseThrow().toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("chromedriver.log").toFile())
            .start();
    base = "http://127.0.0.1:" + port;
    await(
        "chromedriver ready",
        () -> {
          try {
            return call("GET", "/status", null).path("ready").asBoolean(false);
          } catch (IOException e) {
            return false;
          }
        });
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
    always.put("browserName", "chrome");
    ObjectNode chrome = always.putObject("goog:chromeOptions");
    chrome.put("binary", CHROMIUM.toString());
    var args = chrome.putArray("args");
    for (String a :
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--user-data-dir=" + profile,
            "--window-size=" + width + "," + height)) {
      args.add(a);
    }
    session = call("POST", "/session", caps).path("sessionId").asText();
    ObjectNode p = JSON.createObjectNode();
    p.put("width", width);
    p.put("height", height);
    p.put("deviceScaleFactor", 2);
    p.put("mobile", true);
    cdp("Emulation.setDeviceMetricsOverride", p);
  }

  /** One Chrome DevTools Protocol command, through chromedriver. */
  JsonNode cdp(String command, ObjectNode params) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("cmd", command);
    body.set("params", params == null ? JSON.createObjectNode() : params);
    return call("POST", "/session/" + session + "/goog/cdp/execute", body);
  }

  void open(String url) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("url", url);
    call("POST", "/session/" + session + "/url", body);
  }

  String currentUrl() throws IOException {
    return call("GET", "/session/" + session + "/url", null).asText();
  }

  /**
   * Clicks like a finger would; the page may re-render between finding and clicking, so retry that.
   */
  void click(String css) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        clickOnce(css);
        return;
      } catch (IOException e) {
        if (attempt >= 5 || !String.valueOf(e.getMessage()).contains("stale element")) {
          throw e;
        }
      }
    }
  }

  private void clickOnce(String css) throws IOException {
    ObjectNode find = JSON.createObjectNode();
    find.put("using", "css selector");
    find.put("value", css);
    JsonNode found = call("POST", "/session/" + session + "/element", find);
    String id = found.path(ELEMENT).asText("");
    if (id.isEmpty()) {
      throw new IOException("no element id for " + css + " in " + found);
    }
    call("POST", "/session/" + session + "/element/" + id + "/click", JSON.createObjectNode());
  }

  /** Runs a script in the page and returns its result. */
  JsonNode script(String js) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("script", js);
    body.putArray("args");
    return call("POST", "/session/" + session + "/execute/sync", body);
  }

  /**
   * Runs a script that finishes later: it calls {@code done(result)}, the last argument. Nothing
   * here limits how long it may take beyond the client's safety net.
   */
  JsonNode asyncScript(String js) throws IOException {
    ObjectNode timeouts = JSON.createObjectNode();
    timeouts.put("script", PATIENCE.toMillis());
    call("POST", "/session/" + session + "/timeouts", timeouts);
    ObjectNode body = JSON.createObjectNode();
    body.put("script", "const done = arguments[arguments.length - 1];\n" + js);
    body.putArray("args");
    return call("POST", "/session/" + session + "/execute/async", body);
  }

  /** Where an element is on screen: {top, bottom, left, right, width, height} in CSS pixels. */
  JsonNode rect(String css) throws IOException {
    return script(
        "const e = document.querySelector('"
            + css
            + "');"
            + " if (!e) { return null; } const r = e.getBoundingClientRect();"
            + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
            + " width: r.width, height: r.height};");
  }

  String text(String css) throws IOException {
    return script(
            "const e = document.querySelector('"
                + css
                + "'); return e ? e.textContent.trim() : null;")
        .asText(null);
  }

  /** True when the element's text is exactly {@code text} now (false while the page cannot say). */
  boolean shows(String css, String text) {
    try {
      return text.equals(text(css));
    } catch (IOException e) {
      return false;
    }
  }

  boolean visible(String css) throws IOException {
    return script(
            "const e = document.querySelector('"
                + css
                + "');"
                + " return !!e && !e.closest('[hidden]') && e.getClientRects().length > 0;")
        .asBoolean();
  }

  void screenshot(Path png) throws IOException {
    String b64 = call("GET", "/session/" + session + "/screenshot", null).asText();
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(b64));
  }

  /** Polls until the condition holds; fails with the description after {@link #PATIENCE}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited in vain for: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what);
      }
    }
  }

  private JsonNode call(String method, String path, JsonNode body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(PATIENCE);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode value = JSON.readTree(r.body()).path("value");
      if (r.statusCode() != 200) {
        throw new IOException(
            "webdriver " + method + " " + path + ": " + value.path("message").asText(r.body()));
      }
      return value;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (IOException | RuntimeException ignored) {
      // the browser is going away anyway
    }
    driver.destroy();
    try {
      if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
    } catch (InterruptedException e) {
      driver.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
