package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code pace} of a routine and of each step. */
class RoutinePaceTest {
  private final RoutineLoader loader = new RoutineLoader();

  @TempDir Path tmp;

  private static String routine(String routinePace, String... stepPaces) {
    StringBuilder json =
        new StringBuilder(
            "{\"schemaVersion\": 1, \"id\": \"r\", \"title\": \"R\", \"minutes\": {\"min\": 1,"
                + " \"max\": 30},\n");
    if (routinePace != null) {
      json.append("\"pace\": ").append(routinePace).append(",\n");
    }
    json.append("\"steps\": [\n");
    for (int i = 0; i < stepPaces.length; i++) {
      json.append("  {\"id\": \"s")
          .append(i)
          .append("\", \"title\": \"S\", \"say\": \"Go.\", \"seconds\": 60");
      if (stepPaces[i] != null) {
        json.append(", \"pace\": ").append(stepPaces[i]);
      }
      json.append(i + 1 < stepPaces.length ? "},\n" : "}\n");
    }
    return json.append("]}").toString();
  }

  private Path write(String json) throws IOException {
    Path f = tmp.resolve("r.json");
    Files.writeString(f, json);
    return f;
  }

  private List<String> problems(String json) throws IOException {
    return loader.check(write(json)).stream().map(Problem::render).collect(Collectors.toList());
  }

  private List<Integer> paces(String json) throws IOException {
    return loader.load(write(json)).steps().stream().map(Step::pace).collect(Collectors.toList());
  }

  /** "file:line:col" of the first {@code marker}. */
  private String at(String json, String marker) {
    int i = json.indexOf(marker);
    String before = json.substring(0, i);
    long line = 1 + before.chars().filter(c -> c == '\n').count();
    return tmp.resolve("r.json") + ":" + line + ":" + (i - before.lastIndexOf('\n'));
  }

  @Test
  void stepsWithoutPaceKeepThirtyStrokesAMinute() throws IOException {
    assertEquals(List.of(30, 30), paces(routine(null, null, null)));
  }

  @Test
  void aStepWithoutPaceTakesTheRoutines() throws IOException {
    assertEquals(List.of(24, 48), paces(routine("24", null, "48")));
  }

  @Test
  void theLimitsAreAccepted() throws IOException {
    assertEquals(List.of(20, 60), paces(routine(null, "20", "60")));
  }

  @Test
  void aStepPaceBelowTwentyIsRejectedWhereItIsWritten() throws IOException {
    String json = routine(null, null, "19");
    assertEquals(
        List.of(
            at(json, "19")
                + ": steps[1].pace: must be between 20 and 60 strokes per minute, got 19"),
        problems(json));
  }

  @Test
  void aStepPaceAboveSixtyIsRejected() throws IOException {
    String json = routine(null, "61");
    assertEquals(
        List.of(
            at(json, "61")
                + ": steps[0].pace: must be between 20 and 60 strokes per minute, got 61"),
        problems(json));
  }

  @Test
  void aFractionalPaceIsRejected() throws IOException {
    String json = routine(null, "30.5");
    assertEquals(
        List.of(at(json, "30.5") + ": steps[0].pace: must be a whole number, got 30.5"),
        problems(json));
  }

  @Test
  void aPaceWrittenAsTextIsRejected() throws IOException {
    String json = routine(null, "\"30\"");
    assertEquals(
        List.of(at(json, "\"30\"") + ": steps[0].pace: must be a whole number, got string \"30\""),
        problems(json));
  }

  @Test
  void aRoutinePaceOutOfRangeIsRejectedOnceNotPerStep() throws IOException {
    String json = routine("90", null, null);
    assertEquals(
        List.of(at(json, "90") + ": pace: must be between 20 and 60 strokes per minute, got 90"),
        problems(json));
  }

  @Test
  void aRoutinePaceOfTheWrongTypeIsRejected() throws IOException {
    String json = routine("true", (String) null);
    assertEquals(
        List.of(at(json, "true") + ": pace: must be a whole number, got true"), problems(json));
  }
}
