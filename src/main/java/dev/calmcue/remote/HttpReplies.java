package dev.calmcue.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes complete responses; every one carries no-sniff and a strict content policy. */
final class HttpReplies {
  private HttpReplies() {}

  static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes;
    try {
      bytes = RemoteJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write JSON", e);
    }
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    bytes(ex, status, "application/json; charset=utf-8", bytes);
  }

  static void error(HttpExchange ex, int status, String oneLine) throws IOException {
    json(ex, status, RemoteJson.error(oneLine.replaceAll("\\s*[\\r\\n]+\\s*", " ")));
  }

  static void text(HttpExchange ex, int status, String text) throws IOException {
    bytes(ex, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static void bytes(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    secure(ex);
    ex.getResponseHeaders().set("Content-Type", contentType);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  /** Headers every response gets: the page loads nothing from elsewhere and leaks no referrer. */
  static void secure(HttpExchange ex) {
    var h = ex.getResponseHeaders();
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  }
}
