package dev.calmcue.lint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One place where a routine is hard to follow by ear.
 *
 * @param path JSON path of the text, e.g. {@code steps[2].say}
 * @param line 1-based line in the routine file
 * @param column 1-based column of the word or text the warning is about
 */
public record SpeechWarning(String path, int line, int column, SpeechRule rule, String message) {
  public SpeechWarning {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:col: path: warning: message [rule]}, one line, as compilers print it. */
  public String render(Path file) {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + path
        + ": warning: "
        + message
        + " ["
        + rule.id()
        + "]";
  }
}
