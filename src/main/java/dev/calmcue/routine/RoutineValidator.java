package dev.calmcue.routine;

import static dev.calmcue.routine.FieldChecks.isWhole;
import static dev.calmcue.routine.FieldChecks.optional;

import dev.calmcue.routine.JsonValue.Arr;
import dev.calmcue.routine.JsonValue.Num;
import dev.calmcue.routine.JsonValue.Obj;
import dev.calmcue.text.TimeText;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a parsed document against every rule of routine format version 1 and builds the {@link
 * Routine}. It never stops at the first problem: each field is checked on its own, so one run
 * reports everything wrong with a file.
 */
final class RoutineValidator {
  static final int SCHEMA_VERSION = 1;
  static final int MAX_TEXT = 500;
  static final int MAX_ID = 64;
  static final int MIN_STEP_SECONDS = 5;
  static final int MAX_STEP_SECONDS = 1800;
  static final int MIN_EVERY = 5;

  /** Ten hours: no massage is longer, and it keeps every length well inside an int. */
  static final int MAX_MINUTES = 600;

  static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static final List<String> ROUTINE_FIELDS =
      List.of(
          "$schema",
          "schemaVersion",
          "id",
          "title",
          "description",
          "source",
          "minutes",
          "preparation",
          "safety",
          "steps",
          "closing",
          "pace");
  static final List<String> MINUTES_FIELDS = List.of("min", "max");
  static final List<String> STEP_FIELDS =
      List.of("id", "title", "say", "seconds", "prompts", "pace");
  static final List<String> PROMPT_FIELDS = List.of("at", "every", "say", "safety");

  private final List<Problem> problems;
  private final FieldChecks check;

  private RoutineValidator(Path file, List<Problem> problems) {
    this.problems = problems;
    this.check = new FieldChecks(file, problems);
  }

  /** The routine, or empty with every problem added to {@code problems}. */
  static Optional<Routine> validate(Path file, JsonValue root, List<Problem> problems) {
    return Optional.ofNullable(new RoutineValidator(file, problems).routine(root));
  }

  private Routine routine(JsonValue root) {
    if (!(root instanceof Obj o)) {
      check.problem(
          root.at(), "", "a routine file holds one JSON object { ... }, got " + root.describe());
      return null;
    }
    int before = problems.size();
    check.unknownFields(o, "", ROUTINE_FIELDS);
    check.requireFields(o, "", "schemaVersion", "id", "title", "minutes", "steps");
    optional(o, "$schema").ifPresent(v -> check.text(v, "$schema"));
    Integer version = optional(o, "schemaVersion").map(this::schemaVersion).orElse(null);
    String id = optional(o, "id").map(v -> check.kebabId(v, "id")).orElse(null);
    String title = optional(o, "title").map(v -> check.text(v, "title")).orElse(null);
    String description =
        optional(o, "description").map(v -> check.text(v, "description")).orElse(null);
    String source = optional(o, "source").map(v -> check.text(v, "source")).orElse(null);
    MinutesRange minutes = optional(o, "minutes").map(this::minutes).orElse(null);
    List<String> preparation =
        optional(o, "preparation").map(v -> check.texts(v, "preparation")).orElse(List.of());
    List<String> safety =
        optional(o, "safety").map(v -> check.texts(v, "safety")).orElse(List.of());
    int pace = optional(o, "pace").map(v -> pace(v, "pace")).orElse(Step.DEFAULT_PACE);
    List<Step> steps = optional(o, "steps").map(v -> steps(v, pace)).orElse(null);
    String closing = optional(o, "closing").map(v -> check.text(v, "closing")).orElse(null);
    if (minutes != null && steps != null) {
      checkTotal(o.members().get("steps").value(), minutes, steps);
    }
    if (problems.size() > before) {
      return null;
    }
    return new Routine(
        version, id, title, description, source, minutes, preparation, safety, steps, closing);
  }

  private Integer schemaVersion(JsonValue v) {
    if (!(v instanceof Num n) || !isWhole(n.value())) {
      check.problem(
          v.at(),
          "schemaVersion",
          "must be the number " + SCHEMA_VERSION + ", got " + v.describe());
      return null;
    }
    if (n.value().compareTo(BigDecimal.valueOf(SCHEMA_VERSION)) != 0) {
      check.problem(
          v.at(),
          "schemaVersion",
          "this calmcue reads routine format version " + SCHEMA_VERSION + ", got " + v.describe());
      return null;
    }
    return SCHEMA_VERSION;
  }

  private MinutesRange minutes(JsonValue v) {
    if (!(v instanceof Obj o)) {
      check.problem(
          v.at(),
          "minutes",
          "must be an object like {\"min\": 5, \"max\": 10}, got " + v.describe());
      return null;
    }
    check.unknownFields(o, "minutes", MINUTES_FIELDS);
    check.requireFields(o, "minutes", "min", "max");
    String range = "must be a whole number of minutes from 1 to " + MAX_MINUTES;
    Integer min =
        optional(o, "min")
            .map(m -> check.whole(m, "minutes.min", 1, MAX_MINUTES, range))
            .orElse(null);
    Integer max =
        optional(o, "max")
            .map(m -> check.whole(m, "minutes.max", 1, MAX_MINUTES, range))
            .orElse(null);
    if (min == null || max == null) {
      return null;
    }
    if (min > max) {
      check.problem(o.at(), "minutes", "min (" + min + ") must not be more than max (" + max + ")");
      return null;
    }
    return new MinutesRange(min, max);
  }

  /** Strokes per minute; a broken value is reported and stands in as the default. */
  private int pace(JsonValue v, String path) {
    Integer pace =
        check.whole(
            v,
            path,
            Step.MIN_PACE,
            Step.MAX_PACE,
            "must be between " + Step.MIN_PACE + " and " + Step.MAX_PACE + " strokes per minute");
    return pace == null ? Step.DEFAULT_PACE : pace;
  }

  /** {@code pace} is the routine's default for steps without their own. */
  private List<Step> steps(JsonValue v, int pace) {
    if (!(v instanceof Arr a)) {
      check.problem(v.at(), "steps", "must be a list of steps [ { ... } ], got " + v.describe());
      return null;
    }
    if (a.items().isEmpty()) {
      check.problem(a.at(), "steps", "needs at least one step");
      return null;
    }
    List<Step> steps = new ArrayList<>();
    Map<String, Integer> firstUse = new HashMap<>();
    boolean allGood = true;
    for (int i = 0; i < a.items().size(); i++) {
      String path = "steps[" + i + "]";
      Step s = step(a.items().get(i), path, firstUse, i, pace);
      allGood &= s != null;
      steps.add(s);
    }
    return allGood ? steps : null;
  }

  private Step step(
      JsonValue v, String path, Map<String, Integer> firstUse, int index, int routinePace) {
    if (!(v instanceof Obj o)) {
      check.problem(
          v.at(),
          path,
          "a step must be an object { \"id\": ..., \"say\": ... }, got " + v.describe());
      return null;
    }
    int before = problems.size();
    check.unknownFields(o, path, STEP_FIELDS);
    check.requireFields(o, path, "id", "title", "say", "seconds");
    String id = optional(o, "id").map(x -> check.kebabId(x, path + ".id")).orElse(null);
    if (id != null) {
      Integer first = firstUse.putIfAbsent(id, index);
      if (first != null) {
        check.problem(
            o.members().get("id").value().at(),
            path + ".id",
            "duplicate step id '"
                + id
                + "' (already used by steps["
                + first
                + "]); step ids must be unique");
        id = null;
      }
    }
    String title = optional(o, "title").map(x -> check.text(x, path + ".title")).orElse(null);
    String say = optional(o, "say").map(x -> check.text(x, path + ".say")).orElse(null);
    Integer seconds =
        optional(o, "seconds")
            .map(
                x ->
                    check.whole(
                        x,
                        path + ".seconds",
                        MIN_STEP_SECONDS,
                        MAX_STEP_SECONDS,
                        "must be between " + MIN_STEP_SECONDS + " and " + MAX_STEP_SECONDS))
            .orElse(null);
    List<Prompt> prompts =
        optional(o, "prompts").map(x -> prompts(x, path + ".prompts", seconds)).orElse(List.of());
    int pace = optional(o, "pace").map(x -> pace(x, path + ".pace")).orElse(routinePace);
    if (problems.size() > before) {
      return null;
    }
    return new Step(id, title, say, seconds, prompts, pace);
  }

  /**
   * {@code seconds} is null when the step's own length is broken; prompts are then checked alone.
   */
  private List<Prompt> prompts(JsonValue v, String path, Integer seconds) {
    if (!(v instanceof Arr a)) {
      check.problem(v.at(), path, "must be a list of prompts [ { ... } ], got " + v.describe());
      return null;
    }
    List<Prompt> prompts = new ArrayList<>();
    boolean allGood = true;
    for (int i = 0; i < a.items().size(); i++) {
      Prompt p = prompt(a.items().get(i), path + "[" + i + "]", seconds);
      allGood &= p != null;
      prompts.add(p);
    }
    return allGood ? prompts : null;
  }

  private Prompt prompt(JsonValue v, String path, Integer seconds) {
    if (!(v instanceof Obj o)) {
      check.problem(
          v.at(),
          path,
          "a prompt must be an object like {\"at\": 20, \"say\": \"...\"}, got " + v.describe());
      return null;
    }
    int before = problems.size();
    check.unknownFields(o, path, PROMPT_FIELDS);
    check.requireFields(o, path, "say");
    Optional<JsonValue> at = optional(o, "at");
    Optional<JsonValue> every = optional(o, "every");
    String say = optional(o, "say").map(x -> check.text(x, path + ".say")).orElse(null);
    boolean safety = optional(o, "safety").map(x -> check.flag(x, path + ".safety")).orElse(false);
    int below = seconds == null ? Integer.MAX_VALUE : seconds - 1;
    String stepLength = seconds == null ? "" : " and less than the step's " + seconds + " seconds";
    if (at.isPresent() && every.isPresent()) {
      check.problem(o.at(), path, "a prompt has either 'at' or 'every', not both");
      return null;
    }
    if (at.isPresent()) {
      Integer s = check.whole(at.get(), path + ".at", 1, below, "must be more than 0" + stepLength);
      return problems.size() > before ? null : new Prompt.At(s, say, safety);
    }
    if (every.isPresent()) {
      Integer s =
          check.whole(
              every.get(),
              path + ".every",
              MIN_EVERY,
              below,
              "must be at least " + MIN_EVERY + stepLength);
      return problems.size() > before ? null : new Prompt.Every(s, say, safety);
    }
    check.problem(
        o.at(),
        path,
        "a prompt needs 'at' (seconds into the step) or 'every' (repeat period in seconds)");
    return null;
  }

  private void checkTotal(JsonValue stepsValue, MinutesRange minutes, List<Step> steps) {
    long total = steps.stream().mapToLong(Step::seconds).sum();
    long low = minutes.min() * 60L;
    long high = minutes.max() * 60L;
    if (total < low || total > high) {
      check.problem(
          stepsValue.at(),
          "steps",
          "the steps' seconds add up to "
              + total
              + " ("
              + clock(total)
              + "), outside minutes "
              + minutes.min()
              + " to "
              + minutes.max()
              + " ("
              + low
              + " to "
              + high
              + " seconds); change the steps' seconds or 'minutes'");
    }
  }

  private static String clock(long seconds) {
    return TimeText.minutes(Duration.ofSeconds(seconds));
  }
}
