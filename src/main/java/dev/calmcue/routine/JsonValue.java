package dev.calmcue.routine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that remembers where it was written, so every validation problem can name the
 * line and column of the offending value or key. Jackson's own trees drop locations.
 */
sealed interface JsonValue {
  Position at();

  /** Human words for the value's kind and content, as used in "got ..." messages. */
  String describe();

  /** 1-based line and column in the file. */
  record Position(int line, int column) {}

  /** A key as written, with the position of its opening quote. */
  record Member(String key, Position keyAt, JsonValue value) {}

  record Obj(Position at, Map<String, Member> members) implements JsonValue {
    public Obj {
      members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
    }

    @Override
    public String describe() {
      return "an object";
    }
  }

  record Arr(Position at, List<JsonValue> items) implements JsonValue {
    public Arr {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  record Str(Position at, String value) implements JsonValue {
    @Override
    public String describe() {
      String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
      return "string \""
          + ControlChars.escape(
              shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          + "\"";
    }
  }

  record Num(Position at, BigDecimal value, String text) implements JsonValue {
    @Override
    public String describe() {
      return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
  }

  record Bool(Position at, boolean value) implements JsonValue {
    @Override
    public String describe() {
      return Boolean.toString(value);
    }
  }

  record Null(Position at) implements JsonValue {
    @Override
    public String describe() {
      return "null";
    }
  }
}
