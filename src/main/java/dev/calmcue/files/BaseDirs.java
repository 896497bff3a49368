package dev.calmcue.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The XDG base directories calmcue keeps its files in, each with a {@code calmcue} folder inside:
 * data (history, the user's routines), config (the phone's access token) and cache (speech, launch
 * hints). As the XDG Base Directory spec says, a variable that is unset or empty means the default
 * under the home folder, and a relative path is invalid and ignored; what was ignored comes back as
 * {@link #warnings()} for the caller to show (this class never prints). The home folder is {@code
 * $HOME}, as the user set it, not the one in the password database.
 */
public record BaseDirs(Path dataHome, Path configHome, Path cacheHome, List<String> warnings) {
  public BaseDirs {
    Objects.requireNonNull(dataHome, "dataHome");
    Objects.requireNonNull(configHome, "configHome");
    Objects.requireNonNull(cacheHome, "cacheHome");
    warnings = List.copyOf(warnings);
  }

  /**
   * The directories for an environment.
   *
   * @param env the environment ({@code System.getenv()})
   * @param fallbackHome the home folder when {@code $HOME} is unset or not absolute (the JVM's
   *     {@code user.home})
   */
  public static BaseDirs of(Map<String, String> env, Path fallbackHome) {
    List<String> warnings = new ArrayList<>();
    Path home = absolute(env, "HOME", warnings);
    if (home == null) {
      home = fallbackHome;
    }
    return new BaseDirs(
        dir(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"), warnings),
        dir(env, "XDG_CONFIG_HOME", home.resolve(".config"), warnings),
        dir(env, "XDG_CACHE_HOME", home.resolve(".cache"), warnings),
        warnings);
  }

  /** The directories of this process. */
  public static BaseDirs ofThisProcess() {
    return of(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** calmcue's data folder: {@code $XDG_DATA_HOME/calmcue}. */
  public Path data() {
    return dataHome.resolve("calmcue");
  }

  /** calmcue's config folder: {@code $XDG_CONFIG_HOME/calmcue}. */
  public Path config() {
    return configHome.resolve("calmcue");
  }

  /** calmcue's cache folder: {@code $XDG_CACHE_HOME/calmcue}. */
  public Path cache() {
    return cacheHome.resolve("calmcue");
  }

  private static Path dir(
      Map<String, String> env, String variable, Path fallback, List<String> warnings) {
    Path p = absolute(env, variable, warnings);
    return p == null ? fallback : p;
  }

  /** The variable as an absolute path; null (with a warning when it was set) otherwise. */
  private static Path absolute(Map<String, String> env, String variable, List<String> warnings) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Path p = Path.of(value);
      if (p.isAbsolute()) {
        return p;
      }
    } catch (InvalidPathException e) {
      // reported below like a relative path
    }
    warnings.add(
        variable + "=" + value + " is not an absolute path; ignored, as the XDG spec says");
    return null;
  }
}
