package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every --json output: one object, schemaVersion first, the shapes docs/json.md describes. */
class JsonOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVALID = "src/test/resources/routines/invalid/";

  private static JsonNode json(int exit, String... args) throws IOException {
    Cli.Result r = Cli.run(args);
    assertEquals(exit, r.code(), r::toString);
    JsonNode root = JSON.readTree(r.out());
    assertTrue(root.isObject(), r::toString);
    assertEquals("schemaVersion", root.fieldNames().next(), "schemaVersion first: " + r.out());
    assertEquals(1, root.get("schemaVersion").asInt());
    return root;
  }

  @Test
  void everyJsonOutputCarriesSchemaVersionOne() throws IOException {
    for (List<String> args :
        List.of(
            List.of("list", "--json"),
            List.of("show", "back-massage", "--json"),
            List.of("validate", "--json", "routines/back-massage.json"),
            List.of("plan", "back-massage", "--json"),
            List.of("voices", "--json"),
            List.of("history", "--json"))) {
      json(0, args.toArray(String[]::new));
    }
  }

  @Test
  void showJsonHasTheWholeRoutineWithStepStarts() throws IOException {
    JsonNode r = json(0, "show", "back-massage", "--json");
    assertEquals("back-massage", r.get("id").asText());
    assertEquals(5, r.at("/minutes/min").asInt());
    assertEquals(375, r.get("writtenSeconds").asInt());
    JsonNode steps = r.get("steps");
    assertEquals(6, steps.size());
    assertEquals(0, steps.get(0).get("startsAt").asInt());
    assertEquals(steps.get(0).get("seconds").asInt(), steps.get(1).get("startsAt").asInt());
    // strokes a minute for the music bed: the routine's own pace for its first movement
    assertEquals(24, steps.get(0).get("pace").asInt());
    assertEquals(25, steps.get(0).at("/prompts/0/at").asInt());
    assertFalse(steps.get(0).at("/prompts/0/safety").asBoolean(true));
    // "Palms beside the spine, never on it." is marked safety in routines/back-massage.json.
    JsonNode spine = steps.get(3).at("/prompts/1");
    assertEquals("Palms beside the spine, never on it.", spine.get("say").asText());
    assertTrue(spine.get("safety").asBoolean());
    assertFalse(r.get("preparation").isEmpty());
    assertFalse(r.get("closing").asText().isEmpty());
  }

  @Test
  void validateJsonListsEveryFileWithItsProblemsAndExits2() throws IOException {
    JsonNode r =
        json(2, "validate", "--json", "routines/back-massage.json", INVALID + "many-errors.json");
    assertFalse(r.get("valid").asBoolean());
    JsonNode ok = r.at("/files/0");
    assertTrue(ok.get("valid").asBoolean());
    assertEquals("back-massage", ok.get("id").asText());
    assertEquals(0, ok.get("problems").size());
    JsonNode bad = r.at("/files/1");
    assertFalse(bad.get("valid").asBoolean());
    assertTrue(bad.get("problems").size() > 1, bad::toString);
    JsonNode p = bad.at("/problems/0");
    assertTrue(p.get("line").asInt() > 0 && p.get("column").asInt() > 0, p::toString);
    assertTrue(p.get("text").asText().startsWith(INVALID + "many-errors.json:"), p::toString);
  }

  @Test
  void validateJsonWritesNothingToStderr() throws IOException {
    Path f = Files.createTempFile("calmcue-broken", ".json");
    try {
      Files.writeString(f, "{\"id\": 3}");
      Cli.Result r = Cli.run("validate", "--json", f.toString());
      assertEquals(2, r.code(), r::toString);
      assertEquals("", r.err(), r::toString);
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
