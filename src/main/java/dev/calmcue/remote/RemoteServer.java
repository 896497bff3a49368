package dev.calmcue.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.calmcue.CalmcueException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The phone remote: the page at {@code /} and the JSON API under {@code /api/}, on the JDK's HTTP
 * server (event streams do not hold one of its threads). A request must arrive whole within {@value
 * #MAX_REQUEST_SECONDS} s, and there are more threads than connections, so clients that leave
 * requests unfinished never freeze the phone's controls. Nothing it answers carries a stack trace;
 * internal failures go to the settings' log and the phone gets "internal error".
 */
public final class RemoteServer implements AutoCloseable {
  private static final String WEB_FOLDER = "calmcue/web";
  private static final long COOKIE_MAX_AGE = 400L * 24 * 3600;

  /**
   * Open connections at most; the JDK server refuses more at accept. Kept below {@link #THREADS} so
   * every connection that has sent its request gets a thread: a pile of slow or unauthenticated
   * connections can never leave a phone's stop or fussy waiting for one.
   */
  static final int MAX_CONNECTIONS = 96;

  private static final int THREADS = 128;

  /** Seconds a client may take to send a whole request (headers and body); then it is closed. */
  static final int MAX_REQUEST_SECONDS = 10;

  static {
    // The JDK's HTTP server reads these once, when its first server is made (there is no per-server
    // API). Without them a request left unfinished holds a thread for ever. No response limit: an
    // event stream is one long response.
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
    setIfAbsent("sun.net.httpserver.maxConnections", String.valueOf(MAX_CONNECTIONS));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
    setIfAbsent("sun.net.httpserver.idleInterval", "30");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final EventStream events;
  private final ApiRoutes api;
  private final StaticFiles web = new StaticFiles(WEB_FOLDER);
  private final AccessPolicy access;
  private final RemoteSettings settings;

  private RemoteServer(
      HttpServer server, SessionHost host, AccessPolicy access, RemoteSettings settings) {
    this.server = server;
    this.access = access;
    this.settings = settings;
    this.events = new EventStream(host, settings.heartbeat(), settings.maxPages());
    this.api = new ApiRoutes(host, events);
    AtomicInteger n = new AtomicInteger();
    // Threads come and go with the load (none kept beyond 4 idle ones); a request that finds all of
    // them busy is refused (the JDK server closes its connection) rather than queued behind them.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            4,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "calmcue-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.executor = pool;
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Listens on {@code address} and serves until {@link #close()}.
   *
   * @throws CalmcueException RUNTIME when the port is taken or the address cannot be used
   */
  public static RemoteServer start(
      InetSocketAddress address, SessionHost host, AccessPolicy access, RemoteSettings settings) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(access, "access");
    HttpServer server;
    try {
      server = HttpServer.create();
      server.bind(address, 32);
    } catch (BindException e) {
      String where = address.getHostString() + ":" + address.getPort();
      String why =
          String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use")
              ? "port "
                  + address.getPort()
                  + " is already in use (another calmcue serve? pick one with --port)"
              : String.valueOf(e.getMessage());
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME, "cannot listen on " + where + ": " + why, e);
    } catch (IOException e) {
      throw CalmcueException.runtime("cannot start the web server: " + e.getMessage(), e);
    }
    RemoteServer remote = new RemoteServer(server, host, access, settings);
    server.start();
    return remote;
  }

  /** Where it listens (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Open event streams, for tests and the status line. */
  public int openPages() {
    return events.clientCount();
  }

  /** Closes the event streams, then the server; idempotent. */
  @Override
  public void close() {
    events.close();
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange ex) {
    try {
      String path = ex.getRequestURI().getRawPath();
      if (path.equals("/api") || path.startsWith("/api/")) {
        if (!access.allows(ex.getRequestHeaders())) {
          ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"calmcue\"");
          HttpReplies.error(
              ex, 401, "open the link that 'calmcue serve' printed (or scan its QR code)");
          return;
        }
        if (crossSite(ex)) {
          HttpReplies.error(ex, 403, "cross-site request refused");
          return;
        }
        api.handle(ex, path);
      } else {
        page(ex, path);
      }
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof IOException)) {
        // An IOException here is the phone going away mid-answer (broken pipe): not worth a line.
        settings
            .log()
            .accept(
                "internal error answering "
                    + ex.getRequestMethod()
                    + " "
                    + ex.getRequestURI().getRawPath()
                    + ": "
                    + e);
      }
      try {
        if (ex.getResponseCode() == -1) {
          HttpReplies.error(ex, 500, "internal error");
        }
      } catch (IOException | RuntimeException ignored) {
        // the phone went away; nothing left to tell it
      } finally {
        ex.close();
      }
    }
  }

  /** The page and its files; a {@code /?token=} visit trades the token for a cookie. */
  private void page(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      HttpReplies.text(ex, 405, "method not allowed\n");
      return;
    }
    String token = queryParam(ex.getRequestURI().getRawQuery(), "token");
    if (path.equals("/") && token != null) {
      tokenVisit(ex, token);
      return;
    }
    var file = web.find(path);
    if (file.isEmpty()) {
      HttpReplies.text(ex, 404, "not found\n");
      return;
    }
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    HttpReplies.bytes(ex, 200, file.get().contentType(), file.get().bytes());
  }

  private void tokenVisit(HttpExchange ex, String token) throws IOException {
    if (access instanceof AccessPolicy.TokenRequired required) {
      if (!required.token().matches(token)) {
        HttpReplies.bytes(
            ex, 401, "text/html; charset=utf-8", WRONG_LINK.getBytes(StandardCharsets.UTF_8));
        return;
      }
      ex.getResponseHeaders()
          .add(
              "Set-Cookie",
              AccessPolicy.COOKIE
                  + "="
                  + token
                  + "; Path=/; Max-Age="
                  + COOKIE_MAX_AGE
                  + "; HttpOnly; SameSite=Strict");
    }
    // Redirect so the token leaves the address bar (and the history and any screenshot).
    ex.getResponseHeaders().set("Location", "/");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    HttpReplies.bytes(ex, 303, "text/plain; charset=utf-8", new byte[0]);
  }

  /** A browser request made from another site's page (browsers always send Origin then). */
  private static boolean crossSite(HttpExchange ex) {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return false; // not from a browser page (curl, scripts), or a same-origin GET
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    return host == null || !origin.equalsIgnoreCase("http://" + host);
  }

  private static String queryParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static final String WRONG_LINK =
      "<!doctype html><meta charset=utf-8><meta name=viewport content=\"width=device-width\">"
          + "<link rel=stylesheet href=\"/style.css\"><title>calmcue</title><main class=notice>"
          + "<p>This link is not valid for this calmcue.</p><p>Scan the QR code again, or open the"
          + " link that <code>calmcue serve</code> printed.</p></main>";
}
