package dev.calmcue.routine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON instance against the subset of JSON Schema 2020-12 that routines/schema.json uses
 * (type, const, required, properties, additionalProperties false, items, minItems, minLength,
 * maxLength, pattern, minimum, maximum, oneOf, not, local $ref). Enough to keep the schema honest
 * without a schema library; an unsupported keyword fails loudly so the subset cannot silently
 * shrink.
 */
final class SchemaSubset {
  private static final List<String> KNOWN =
      List.of(
          "$schema",
          "$id",
          "$ref",
          "$defs",
          "title",
          "description",
          "type",
          "const",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "minItems",
          "minLength",
          "maxLength",
          "pattern",
          "minimum",
          "maximum",
          "oneOf",
          "not");

  private final JsonNode root;

  SchemaSubset(JsonNode root) {
    this.root = root;
  }

  /** Every violation, as "path: what"; empty when the instance conforms. */
  List<String> violations(JsonNode instance) {
    List<String> out = new ArrayList<>();
    check(root, instance, "", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode v, String path, List<String> out) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KNOWN.contains(k)) {
        throw new IllegalArgumentException(
            "schema keyword not supported by the test checker: " + k);
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      check(root.at(ref.substring(1)), v, path, out);
    }
    if (schema.has("type") && !hasType(v, schema.get("type").asText())) {
      out.add(path + ": not " + schema.get("type").asText());
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(v)) {
      out.add(path + ": not " + schema.get("const"));
    }
    if (v.isObject()) {
      schema
          .path("required")
          .forEach(
              r -> {
                if (!v.has(r.asText())) {
                  out.add(path + ": missing " + r.asText());
                }
              });
      JsonNode props = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (props.has(f.getKey())) {
          check(props.get(f.getKey()), f.getValue(), path + "." + f.getKey(), out);
        } else if (schema.has("additionalProperties")
            && !schema.get("additionalProperties").asBoolean()) {
          out.add(path + ": unknown " + f.getKey());
        }
      }
    }
    if (v.isArray()) {
      if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
        out.add(path + ": too few items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < v.size(); i++) {
          check(schema.get("items"), v.get(i), path + "[" + i + "]", out);
        }
      }
    }
    if (v.isTextual()) {
      int length = v.asText().codePointCount(0, v.asText().length());
      if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
        out.add(path + ": too short");
      }
      if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
        out.add(path + ": too long");
      }
      if (schema.has("pattern")
          && !Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
        out.add(path + ": does not match " + schema.get("pattern").asText());
      }
    }
    if (v.isNumber()) {
      if (schema.has("minimum")
          && v.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
        out.add(path + ": below minimum");
      }
      if (schema.has("maximum")
          && v.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
        out.add(path + ": above maximum");
      }
    }
    if (schema.has("oneOf")) {
      int matching = 0;
      for (JsonNode option : schema.get("oneOf")) {
        matching += violations(option, v).isEmpty() ? 1 : 0;
      }
      if (matching != 1) {
        out.add(path + ": matches " + matching + " of oneOf, not exactly one");
      }
    }
    if (schema.has("not") && violations(schema.get("not"), v).isEmpty()) {
      out.add(path + ": matches 'not'");
    }
  }

  private List<String> violations(JsonNode schema, JsonNode v) {
    List<String> out = new ArrayList<>();
    check(schema, v, "", out);
    return out;
  }

  private static boolean hasType(JsonNode v, String type) {
    switch (type) {
      case "object":
        return v.isObject();
      case "array":
        return v.isArray();
      case "string":
        return v.isTextual();
      case "integer":
        return v.isIntegralNumber()
            || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number":
        return v.isNumber();
      case "boolean":
        return v.isBoolean();
      default:
        throw new IllegalArgumentException("type not supported by the test checker: " + type);
    }
  }
}
