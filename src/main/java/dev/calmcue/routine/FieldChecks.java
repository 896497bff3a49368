package dev.calmcue.routine;

import static dev.calmcue.routine.RoutineValidator.KEBAB;
import static dev.calmcue.routine.RoutineValidator.MAX_ID;
import static dev.calmcue.routine.RoutineValidator.MAX_TEXT;

import dev.calmcue.routine.JsonValue.Arr;
import dev.calmcue.routine.JsonValue.Member;
import dev.calmcue.routine.JsonValue.Num;
import dev.calmcue.routine.JsonValue.Obj;
import dev.calmcue.routine.JsonValue.Position;
import dev.calmcue.routine.JsonValue.Str;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The routine validator's per-field checks: each reports its own problem and returns null (or a
 * stand-in) when the value is unusable.
 */
final class FieldChecks {
  private final Path file;
  private final List<Problem> problems;

  FieldChecks(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  boolean flag(JsonValue v, String path) {
    if (v instanceof JsonValue.Bool b) {
      return b.value();
    }
    problem(v.at(), path, "must be true or false, got " + v.describe());
    return false;
  }

  /**
   * One problem naming every required field {@code o} lacks (a blank file should not give five
   * lines).
   */
  void requireFields(Obj o, String path, String... keys) {
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      if (!o.members().containsKey(k)) {
        missing.add("'" + k + "'");
      }
    }
    if (!missing.isEmpty()) {
      problem(
          o.at(),
          path,
          "missing required field"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing));
    }
  }

  static Optional<JsonValue> optional(Obj o, String key) {
    return Optional.ofNullable(o.members().get(key)).map(Member::value);
  }

  void unknownFields(Obj o, String path, List<String> known) {
    for (Member m : o.members().values()) {
      if (known.contains(m.key())) {
        continue;
      }
      String hint =
          ClosestName.among(m.key(), known)
              .map(s -> ", did you mean '" + s + "'?")
              .orElse(" (known fields here: " + String.join(", ", known) + ")");
      problem(m.keyAt(), path, "unknown field '" + m.key() + "'" + hint);
    }
  }

  String text(JsonValue v, String path) {
    if (!(v instanceof Str s)) {
      problem(v.at(), path, "must be text in double quotes, got " + v.describe());
      return null;
    }
    if (s.value().isBlank()) {
      problem(v.at(), path, "must not be empty");
      return null;
    }
    int control = ControlChars.indexOf(s.value());
    if (control >= 0) {
      problem(
          v.at(),
          path,
          "contains the control character "
              + ControlChars.name(s.value().codePointAt(control))
              + " (character "
              + (s.value().codePointCount(0, control) + 1)
              + "); remove it, texts are plain words");
      return null;
    }
    if (!ControlChars.hasWords(s.value())) {
      problem(v.at(), path, "has no words to say (only symbols, emoji or invisible characters)");
      return null;
    }
    int length = s.value().codePointCount(0, s.value().length());
    if (length > MAX_TEXT) {
      problem(
          v.at(), path, "is " + length + " characters long; at most " + MAX_TEXT + " are allowed");
      return null;
    }
    return s.value();
  }

  List<String> texts(JsonValue v, String path) {
    if (!(v instanceof Arr a)) {
      problem(v.at(), path, "must be a list of text lines [\"...\", \"...\"], got " + v.describe());
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.items().size(); i++) {
      out.add(text(a.items().get(i), path + "[" + i + "]"));
    }
    return out.contains(null) ? null : out;
  }

  String kebabId(JsonValue v, String path) {
    if (!(v instanceof Str s)) {
      problem(
          v.at(),
          path,
          "must be an id in double quotes like \"back-massage\", got " + v.describe());
      return null;
    }
    if (!KEBAB.matcher(s.value()).matches() || s.value().length() > MAX_ID) {
      problem(
          v.at(),
          path,
          "must be a lowercase-kebab id like \"back-massage\" (a-z, 0-9 and single dashes, at most "
              + MAX_ID
              + " characters), got "
              + v.describe());
      return null;
    }
    return s.value();
  }

  Integer whole(JsonValue v, String path, int min, int max, String rangeMessage) {
    if (!(v instanceof Num n) || !isWhole(n.value())) {
      problem(v.at(), path, "must be a whole number, got " + v.describe());
      return null;
    }
    BigDecimal value = n.value();
    if (value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      problem(v.at(), path, rangeMessage + ", got " + v.describe());
      return null;
    }
    return value.intValueExact();
  }

  static boolean isWhole(BigDecimal v) {
    return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
  }

  void problem(Position at, String path, String message) {
    problems.add(new Problem(file, at.line(), at.column(), path, message));
  }
}
