package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages that used to mislead now say what is wrong. */
class ClearMessagesTest {
  @TempDir Path dir;

  @Test
  void minutes1e308_saysTheRange() {
    Cli.Result r = Cli.run("plan", "back-massage", "--minutes", "1e308");

    assertEquals(2, r.code(), r::toString);
    assertTrue(
        r.err().contains("--minutes must be a number of minutes from above 0 to 600, got 1.0E308"),
        r::toString);
  }

  @Test
  void aThousandDigitNumber_isTooLong_notNestedTooDeeply() throws Exception {
    Path f = dir.resolve("long.json");
    Files.writeString(f, "{\"schemaVersion\": " + "9".repeat(1001) + "}");

    Cli.Result r = Cli.run("validate", f.toString());

    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("a number or text is far too long"), r::toString);
    assertTrue(
        !r.err().contains("nested") && !r.err().contains("StreamReadConstraints"), r::toString);
  }
}
