package dev.calmcue.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events to every open page. Each page gets its own writer thread and a bounded queue,
 * so a phone that went to sleep mid-stream can never hold up the player or the other pages; a page
 * whose queue overflows or whose socket fails is dropped (its EventSource reconnects by itself).
 */
final class EventStream implements AutoCloseable {
  private static final int QUEUE = 256;
  private static final long PROBE_GAP_MS = 50;

  private final SessionHost host;
  private final int maxClients;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private final SessionHost.Subscription subscription;
  private volatile boolean closed;

  EventStream(SessionHost host, Duration heartbeatEvery, int maxClients) {
    this.host = host;
    this.maxClients = maxClients;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("calmcue-sse-heartbeat"));
    long ms = heartbeatEvery.toMillis();
    // A comment line keeps proxies and phones from timing the stream out, and finds dead sockets.
    heartbeat.scheduleAtFixedRate(
        () -> broadcast(": keepalive\n\n"), ms, ms, TimeUnit.MILLISECONDS);
    this.subscription =
        host.subscribe(
            update -> broadcast(frame(update.type().jsonName(), RemoteJson.update(update))));
  }

  /**
   * Takes over the exchange: headers now, then events until the page goes away.
   *
   * <p>The cap is checked and the slot taken in one step. When the cap is reached, pages closed at
   * the other end are found first ({@link #probe()}), so a phone that reloads gets back in at once
   * instead of waiting for a heartbeat to find its old stream closed.
   */
  void open(HttpExchange ex) throws IOException {
    if (!closed && clients.size() >= maxClients) {
      probe();
    }
    Client client = null;
    synchronized (clients) {
      if (!closed && clients.size() < maxClients) {
        client = new Client(ex);
        clients.add(client);
      }
    }
    if (client == null) {
      HttpReplies.error(ex, 503, "too many open pages; close one and try again");
      return;
    }
    HttpReplies.secure(ex);
    var h = ex.getResponseHeaders();
    h.set("Content-Type", "text/event-stream; charset=utf-8");
    h.set("Cache-Control", "no-store");
    h.set("X-Accel-Buffering", "no");
    try {
      ex.sendResponseHeaders(200, 0);
    } catch (IOException | RuntimeException e) {
      client.drop();
      throw e;
    }
    client.start();
    SessionUpdate now = new SessionUpdate(SessionUpdate.Type.STATE, null, host.state());
    client.send("retry: 2000\n\n" + frame(now.type().jsonName(), RemoteJson.update(now)));
  }

  /**
   * Finds pages whose socket the other end closed: the first write to such a socket still succeeds
   * (the peer answers it with a reset), the second fails and drops the page. Best effort, only when
   * the cap is reached; a page that vanished without closing is found by its full queue instead.
   */
  private void probe() {
    for (int i = 0; i < 2; i++) {
      broadcast(": probe\n\n");
      try {
        Thread.sleep(PROBE_GAP_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  int clientCount() {
    return clients.size();
  }

  @Override
  public void close() {
    closed = true;
    subscription.close();
    heartbeat.shutdownNow();
    for (Client c : clients) {
      c.finish();
    }
  }

  private void broadcast(String frame) {
    for (Client c : clients) {
      c.send(frame);
    }
  }

  private static String frame(String type, ObjectNode data) {
    try {
      return "event: " + type + "\ndata: " + RemoteJson.MAPPER.writeValueAsString(data) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event JSON", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** One open page. */
  private final class Client {
    private final HttpExchange exchange;
    private final ThreadPoolExecutor writer;
    private volatile OutputStream out;

    Client(HttpExchange exchange) {
      this.exchange = exchange;
      this.writer =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(QUEUE),
              daemon("calmcue-sse-client"));
    }

    /** After the headers went out: from now on frames are written. */
    void start() {
      out = exchange.getResponseBody();
    }

    void send(String frame) {
      if (out == null) {
        return; // headers not sent yet; the first frame is the whole state anyway
      }
      try {
        writer.execute(() -> write(frame));
      } catch (RejectedExecutionException e) {
        drop(); // queue full: the page stopped reading
      }
    }

    private void write(String frame) {
      try {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        drop();
      }
    }

    void drop() {
      clients.remove(this);
      writer.shutdownNow();
      exchange.close();
    }

    /** Lets what is queued (the session's last events) reach the page, then ends the stream. */
    void finish() {
      clients.remove(this);
      writer.shutdown();
      try {
        writer.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drop();
    }
  }
}
