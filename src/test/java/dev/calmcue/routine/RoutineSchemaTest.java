package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** routines/schema.json says what the loader enforces, so editors flag the same mistakes. */
class RoutineSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode schemaNode() throws IOException {
    return JSON.readTree(Path.of("routines/schema.json").toFile());
  }

  static SchemaSubset schema() throws IOException {
    return new SchemaSubset(schemaNode());
  }

  private static List<String> names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "routines/back-massage.json",
        "routines/daily-back-massage.json",
        "routines/evening-stroking.json",
        "src/test/resources/routines/valid/full.json",
        "src/test/resources/routines/valid/minimal.json"
      })
  void schema_acceptsValidRoutines(String file) throws IOException {
    assertEquals(List.of(), schema().violations(JSON.readTree(Path.of(file).toFile())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown-field.json", "wrong-types.json", "many-errors.json"})
  void schema_rejectsInvalidRoutines(String file) throws IOException {
    JsonNode instance =
        JSON.readTree(Path.of("src/test/resources/routines/invalid", file).toFile());
    assertFalse(schema().violations(instance).isEmpty());
  }

  @Test
  void schema_isDraft2020WithNoExtraFields() throws IOException {
    JsonNode s = schemaNode();
    assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
    assertFalse(s.get("additionalProperties").asBoolean());
  }

  @Test
  void schema_knowsExactlyTheLoadersFields() throws IOException {
    JsonNode s = schemaNode();
    assertEquals(RoutineValidator.ROUTINE_FIELDS, names(s.get("properties")));
    assertEquals(RoutineValidator.MINUTES_FIELDS, names(s.at("/properties/minutes/properties")));
    assertEquals(RoutineValidator.STEP_FIELDS, names(s.at("/$defs/step/properties")));
    assertEquals(RoutineValidator.PROMPT_FIELDS, names(s.at("/$defs/prompt/properties")));
    assertEquals(
        List.of("schemaVersion", "id", "title", "minutes", "steps"),
        StreamSupport.stream(s.get("required").spliterator(), false)
            .map(JsonNode::asText)
            .toList());
  }

  @Test
  void schema_usesTheLoadersLimits() throws IOException {
    JsonNode s = schemaNode();
    assertEquals("^" + RoutineValidator.KEBAB.pattern() + "$", s.at("/$defs/id/pattern").asText());
    assertEquals(RoutineValidator.MAX_ID, s.at("/$defs/id/maxLength").asInt());
    assertEquals(RoutineValidator.MAX_TEXT, s.at("/$defs/text/maxLength").asInt());
    assertEquals(
        RoutineValidator.MIN_STEP_SECONDS, s.at("/$defs/step/properties/seconds/minimum").asInt());
    assertEquals(
        RoutineValidator.MAX_STEP_SECONDS, s.at("/$defs/step/properties/seconds/maximum").asInt());
    assertEquals(
        RoutineValidator.MIN_EVERY, s.at("/$defs/prompt/properties/every/minimum").asInt());
    assertEquals(
        RoutineValidator.MAX_MINUTES, s.at("/properties/minutes/properties/max/maximum").asInt());
  }

  @Test
  void schema_promptNeedsExactlyOneOfAtOrEvery() throws IOException {
    SchemaSubset schema = schema();
    JsonNode routine =
        JSON.readTree(Path.of("src/test/resources/routines/valid/minimal.json").toFile());
    for (String prompt : List.of("{\"say\": \"x\"}", "{\"at\": 3, \"every\": 5, \"say\": \"x\"}")) {
      JsonNode copy = routine.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) copy.at("/steps/0"))
          .set("prompts", JSON.readTree("[" + prompt + "]"));
      assertTrue(schema.violations(copy).stream().anyMatch(v -> v.contains("oneOf")), prompt);
    }
  }
}
