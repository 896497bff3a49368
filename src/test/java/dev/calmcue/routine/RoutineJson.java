package dev.calmcue.routine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link Routine} as format-v1 JSON, for tests that round-trip or mutate routines. */
final class RoutineJson {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RoutineJson() {}

  static ObjectNode tree(Routine r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("schemaVersion", r.schemaVersion());
    o.put("id", r.id());
    o.put("title", r.title());
    if (r.description() != null) {
      o.put("description", r.description());
    }
    if (r.source() != null) {
      o.put("source", r.source());
    }
    o.putObject("minutes").put("min", r.minutes().min()).put("max", r.minutes().max());
    if (!r.preparation().isEmpty()) {
      r.preparation().forEach(o.putArray("preparation")::add);
    }
    if (!r.safety().isEmpty()) {
      r.safety().forEach(o.putArray("safety")::add);
    }
    ArrayNode steps = o.putArray("steps");
    for (Step s : r.steps()) {
      ObjectNode so =
          steps
              .addObject()
              .put("id", s.id())
              .put("title", s.title())
              .put("say", s.say())
              .put("seconds", s.seconds());
      if (!s.prompts().isEmpty()) {
        ArrayNode ps = so.putArray("prompts");
        for (Prompt p : s.prompts()) {
          ObjectNode po = ps.addObject();
          if (p instanceof Prompt.At at) {
            po.put("at", at.at());
          } else {
            po.put("every", ((Prompt.Every) p).every());
          }
          po.put("say", p.say());
        }
      }
    }
    if (r.closing() != null) {
      o.put("closing", r.closing());
    }
    return o;
  }

  static String text(ObjectNode tree) {
    try {
      return MAPPER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
