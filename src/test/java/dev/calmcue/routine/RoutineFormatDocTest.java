package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/routine-format.md is a valid routine, so users can copy it. */
class RoutineFormatDocTest {
  @Test
  void docExample_isAValidRoutine() throws IOException {
    String doc = Files.readString(Path.of("docs/routine-format.md"));
    int start = doc.indexOf("```json\n");
    assertTrue(start >= 0, "the doc has a ```json example");
    String json = doc.substring(start + 8, doc.indexOf("```", start + 8));
    Routine r =
        new RoutineLoader()
            .load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "example.json");
    assertEquals(
        125, r.writtenLength().toSeconds(), "the doc says the steps add up to 125 seconds");
  }
}
