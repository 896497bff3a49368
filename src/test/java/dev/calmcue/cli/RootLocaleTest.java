package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Numbers print in ASCII digits under any locale. */
class RootLocaleTest {
  private final Locale saved = Locale.getDefault(Locale.Category.FORMAT);

  @AfterEach
  void restore() {
    Locale.setDefault(Locale.Category.FORMAT, saved);
  }

  @Test
  void anArabicLocale_stillGivesAsciiDigits() {
    Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG-u-nu-arab"));

    Cli.Result r = Cli.run("show", "back-massage");

    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().matches("(?s).*\\d+:\\d\\d.*"), r.out());
    assertTrue(r.out().chars().noneMatch(c -> c >= 0x0660 && c <= 0x0669), r.out());
  }
}
