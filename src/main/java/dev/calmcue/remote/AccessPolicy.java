package dev.calmcue.remote;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who may use the API. On loopback anyone on this machine may, but only under a loopback host name
 * (so a web page cannot reach the API through DNS rebinding); beyond it, only who shows the token.
 */
public sealed interface AccessPolicy {
  /** The cookie the page keeps the token in after a {@code /?token=} visit. */
  String COOKIE = "calmcue_token";

  /** True if a request with these headers may use the API. */
  boolean allows(Headers headers);

  /** Bound to 127.0.0.1 / ::1: no token, loopback host names only. */
  record LocalOnly() implements AccessPolicy {
    @Override
    public boolean allows(Headers headers) {
      String host = hostName(headers.getFirst("Host"));
      return host.equals("localhost")
          || host.equals("[::1]")
          || host.matches("127(\\.\\d{1,3}){3}");
    }
  }

  /** Bound beyond this machine: bearer header or cookie must carry the token. */
  record TokenRequired(AccessToken token) implements AccessPolicy {
    public TokenRequired {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public boolean allows(Headers headers) {
      String auth = headers.getFirst("Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return token.matches(auth.substring(7).strip());
      }
      return token.matches(cookie(headers.get("Cookie"), COOKIE));
    }
  }

  /** The value of one cookie, or null. */
  static String cookie(List<String> cookieHeaders, String name) {
    if (cookieHeaders == null) {
      return null;
    }
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          return pair.substring(eq + 1).strip();
        }
      }
    }
    return null;
  }

  /** The host part of a Host header, lower case, without the port ("" when missing or odd). */
  static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return "";
    }
    try {
      URI uri = new URI("http://" + hostHeader.strip() + "/");
      return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    } catch (java.net.URISyntaxException e) {
      return "";
    }
  }
}
