package dev.calmcue.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The phone page, served from the jar. Only flat file names of known types are served, so no path
 * can climb out of the folder, however it is encoded.
 */
final class StaticFiles {
  /** One file: its bytes and content type. */
  record File(String contentType, byte[] bytes) {}

  private static final Pattern NAME = Pattern.compile("/([a-z0-9][a-z0-9_-]*\\.[a-z0-9]{1,11})");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "webmanifest", "application/manifest+json");

  private final String folder;
  private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

  /**
   * @param folder resource folder inside the jar, e.g. {@code calmcue/web}
   */
  StaticFiles(String folder) {
    this.folder = folder;
  }

  /** The file for a raw (still encoded) request path, or empty for anything else. */
  Optional<File> find(String rawPath) {
    String path = "/".equals(rawPath) ? "/index.html" : rawPath;
    var m = NAME.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1);
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(name, n -> load(n, type));
  }

  private Optional<File> load(String name, String type) {
    try (InputStream in =
        StaticFiles.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
      return in == null ? Optional.empty() : Optional.of(new File(type, in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
