package dev.calmcue.routine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One text of a routine that is spoken, with where it is written, so a check can point at a word
 * (see {@code calmcue validate --speech}).
 *
 * @param path JSON path such as {@code steps[2].prompts[0].say}
 * @param step index of the step the text belongs to, -1 outside steps
 * @param prompt index of the prompt within its step, -1 for other texts
 * @param safety a safety note, or a prompt marked {@code "safety": true}
 * @param line 1-based line of the string
 * @param columns the 1-based column of each character of {@code text} in the file (escapes such as
 *     {@code \u00e9} make text and file differ)
 */
public record SpokenText(
    String path,
    Kind kind,
    int step,
    int prompt,
    boolean safety,
    String text,
    int line,
    int[] columns) {

  /** What the text is for. */
  public enum Kind {
    PREPARATION,
    SAFETY,
    /** A step's title: spoken in "Next: TITLE." */
    TITLE,
    INSTRUCTION,
    PROMPT,
    CLOSING
  }

  public SpokenText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (columns.length != text.length()) {
      throw new IllegalArgumentException("one column per character expected");
    }
    columns = columns.clone();
  }

  /** Column of the character at {@code index} of the text; the string's start for an empty text. */
  public int columnAt(int index) {
    if (columns.length == 0) {
      return 1;
    }
    return columns[Math.max(0, Math.min(index, columns.length - 1))];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpokenText t
        && path.equals(t.path)
        && kind == t.kind
        && step == t.step
        && prompt == t.prompt
        && safety == t.safety
        && text.equals(t.text)
        && line == t.line
        && Arrays.equals(columns, t.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, text, line) * 31 + Arrays.hashCode(columns);
  }

  @Override
  public String toString() {
    return path + "@" + line + ":" + columnAt(0) + " " + kind + " \"" + text + "\"";
  }
}
