package dev.calmcue.routine;

import java.nio.file.Path;

/**
 * One thing wrong with a routine file, where it is and what is wrong.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param path JSON path such as {@code steps[2].seconds}, empty for the whole document
 */
public record Problem(Path file, int line, int column, String path, String message) {

  /** {@code file:line:col: path: message}, the one-line form users see. */
  public String render() {
    // An empty name ('' on the command line) still shows where the message starts.
    StringBuilder sb = new StringBuilder().append(file.toString().isEmpty() ? "''" : file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }
}
