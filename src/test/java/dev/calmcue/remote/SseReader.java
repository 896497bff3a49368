package dev.calmcue.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream on its own thread; the test takes events in order. */
final class SseReader implements AutoCloseable {
  /** One event, or a comment line (type "comment"). */
  record Event(String type, JsonNode data, String raw) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A safety net so a broken server fails the test instead of hanging it; not a speed limit. */
  private static final long PATIENCE_SECONDS = 30;

  final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  SseReader(HttpClient http, URI uri, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (headers.length > 0) {
      b.headers(headers);
    }
    response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String type = "message";
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (var it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith(":")) {
          events.add(new Event("comment", null, line));
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        } else if (line.isEmpty() && data.length() > 0) {
          events.add(new Event(type, JSON.readTree(data.toString()), data.toString()));
          type = "message";
          data.setLength(0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // stream closed: the test sees no more events
    }
    events.add(new Event("closed", null, ""));
  }

  /** The next event of this type; the ones before it are returned in {@code skipped}. */
  Event next(String type, List<Event> skipped) throws InterruptedException {
    while (true) {
      Event e = events.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("no '" + type + "' event; saw " + skipped);
      }
      if (e.type().equals(type)) {
        return e;
      }
      if (e.type().equals("closed")) {
        throw new AssertionError("stream closed before a '" + type + "' event; saw " + skipped);
      }
      skipped.add(e);
    }
  }

  Event next(String type) throws InterruptedException {
    return next(type, new ArrayList<>());
  }

  @Override
  public void close() {
    reader.interrupt();
    try {
      response.body().close();
    } catch (RuntimeException ignored) {
      // already closed
    }
  }
}
