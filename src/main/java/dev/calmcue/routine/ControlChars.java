package dev.calmcue.routine;

/**
 * Characters that must never reach a terminal raw: C0/C1 controls (ESC starts an escape sequence
 * that can rewrite the screen or the window title, BEL rings) and the bidirectional overrides that
 * make text read differently from what it is. One home for finding them in routine texts and for
 * showing any text safely.
 */
public final class ControlChars {
  private ControlChars() {}

  /** True for a character that may not appear in a routine text. */
  public static boolean isControl(int codePoint) {
    return Character.getType(codePoint) == Character.CONTROL
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /** The index (in chars) of the first control character in {@code s}, or -1. */
  public static int indexOf(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isControl(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** {@code U+001B} style name of a character; line breaks and tabs by name too. */
  public static String name(int codePoint) {
    String code = String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
    return switch (codePoint) {
      case '\n', '\r' -> "a line break (" + code + ")";
      case '\t' -> "a tab (" + code + ")";
      default -> code;
    };
  }

  /** {@code s} with every control character shown as {@code \u001b} (safe to print anywhere). */
  public static String escape(String s) {
    if (s == null || indexOf(s) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    s.codePoints()
        .forEach(
            cp -> {
              if (isControl(cp)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  /** True if {@code s} has something to say: at least one letter or digit. */
  public static boolean hasWords(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
