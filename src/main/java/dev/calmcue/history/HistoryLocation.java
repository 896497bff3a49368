package dev.calmcue.history;

import dev.calmcue.files.BaseDirs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the history file lives: {@code $XDG_DATA_HOME/calmcue/history.jsonl}, by default {@code
 * ~/.local/share/calmcue/history.jsonl} (XDG Base Directory spec: a relative XDG_DATA_HOME is
 * ignored).
 */
public final class HistoryLocation {
  /** Java system property that overrides the data folder (tests, packagers); wins over the env. */
  public static final String DATA_HOME_PROPERTY = "calmcue.data.home";

  private HistoryLocation() {}

  /**
   * @param env environment lookup (System::getenv in the CLI)
   * @param properties system property lookup (System::getProperty in the CLI)
   */
  public static Path historyFile(UnaryOperator<String> env, UnaryOperator<String> properties) {
    return dataDir(env, properties).resolve("history.jsonl");
  }

  /** The calmcue folder for user data. */
  public static Path dataDir(UnaryOperator<String> env, UnaryOperator<String> properties) {
    String override = properties.apply(DATA_HOME_PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override).resolve("calmcue");
    }
    Map<String, String> vars = new HashMap<>();
    for (String name : List.of("HOME", "XDG_DATA_HOME")) {
      String value = env.apply(name);
      if (value != null) {
        vars.put(name, value);
      }
    }
    return BaseDirs.of(vars, Path.of(properties.apply("user.home"))).data();
  }

  /** The history file for this process (real environment and system properties). */
  public static Path historyFile() {
    return historyFile(System::getenv, System::getProperty);
  }
}
