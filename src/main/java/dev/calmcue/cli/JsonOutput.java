package dev.calmcue.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one home of every {@code --json} output: each is an object that starts with {@code
 * schemaVersion}, printed indented with a final newline (docs/json.md describes them all).
 */
final class JsonOutput {
  /** Raised only when a field is removed or changes meaning; new fields keep the version. */
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonOutput() {}

  /** A new output object with {@code schemaVersion} already in it, first. */
  static ObjectNode root() {
    return MAPPER.createObjectNode().put("schemaVersion", SCHEMA_VERSION);
  }

  /** The node as printed: indented, ending in a newline. */
  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  /** A plain value (maps, lists, strings, numbers) as a node, for outputs built as maps. */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
