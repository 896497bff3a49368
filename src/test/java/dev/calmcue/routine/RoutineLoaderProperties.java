package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Loader invariants over generated routines: valid ones round-trip, single mutations are caught.
 */
class RoutineLoaderProperties {
  private final RoutineLoader loader = new RoutineLoader();

  /** The ways one field of a valid routine can be broken; each breaks a rule of the format. */
  enum Mutation {
    REMOVE_REQUIRED_ROUTINE_FIELD,
    REMOVE_REQUIRED_STEP_FIELD,
    UNKNOWN_FIELD,
    SECONDS_AS_TEXT,
    SECONDS_OUT_OF_RANGE,
    BAD_ROUTINE_ID,
    BAD_STEP_ID,
    BLANK_TITLE,
    TEXT_TOO_LONG,
    MINUTES_INVERTED,
    TOTAL_OUTSIDE_MINUTES,
    PROMPT_WITH_AT_AND_EVERY,
    PROMPT_AFTER_STEP_END,
    DUPLICATE_STEP_ID,
    OTHER_SCHEMA_VERSION,
    NO_STEPS,
  }

  @Property(tries = 300)
  void validRoutine_loadsBackEqual(@ForAll("routines") Routine r) {
    String json = RoutineJson.text(RoutineJson.tree(r));
    assertEquals(
        r,
        loader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "gen.json"));
  }

  @Property(tries = 100)
  void validRoutine_conformsToTheSchema(@ForAll("routines") Routine r) throws IOException {
    assertEquals(List.of(), RoutineSchemaTest.schema().violations(RoutineJson.tree(r)));
  }

  @Property(tries = 500)
  void mutatedRoutine_isRejectedAtAPlaceInsideTheFile(
      @ForAll("routines") Routine r,
      @ForAll Mutation m,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    ObjectNode tree = RoutineJson.tree(r);
    mutate(tree, m, pick);
    String json = RoutineJson.text(tree);
    List<Problem> problems =
        loader.check(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "gen.json");
    assertFalse(problems.isEmpty(), () -> m + " was accepted:\n" + json);
    List<String> lines = json.lines().toList();
    for (Problem p : problems) {
      assertTrue(
          p.line() >= 1 && p.line() <= lines.size(), () -> "line outside the file: " + p.render());
      int length = lines.get(p.line() - 1).length();
      assertTrue(
          p.column() >= 1 && p.column() <= length + 1,
          () -> "column outside the line: " + p.render());
      assertTrue(
          p.render().startsWith("gen.json:" + p.line() + ":" + p.column() + ": "), p::render);
    }
  }

  private static void mutate(ObjectNode tree, Mutation m, int pick) {
    ArrayNode steps = (ArrayNode) tree.get("steps");
    ObjectNode step = (ObjectNode) steps.get(pick % steps.size());
    switch (m) {
      case REMOVE_REQUIRED_ROUTINE_FIELD ->
          tree.remove(List.of("schemaVersion", "id", "title", "minutes", "steps").get(pick % 5));
      case REMOVE_REQUIRED_STEP_FIELD ->
          step.remove(List.of("id", "title", "say", "seconds").get(pick % 4));
      case UNKNOWN_FIELD ->
          List.of(tree, step, (ObjectNode) tree.get("minutes"))
              .get(pick % 3)
              .put(List.of("sy", "colour", "Title", "x").get(pick % 4), 1);
      case SECONDS_AS_TEXT -> step.put("seconds", "ten");
      case SECONDS_OUT_OF_RANGE -> {
        double[] bad = {0, 4, 1801, -60, 2.5, 1e9};
        step.put("seconds", bad[pick % bad.length]);
      }
      case BAD_ROUTINE_ID ->
          tree.put("id", List.of("Back Massage", "a_b", "", "-a", "a--b").get(pick % 5));
      case BAD_STEP_ID ->
          step.put("id", List.of("Step One", "UPPER", "", "a-", "a/b").get(pick % 5));
      case BLANK_TITLE -> (pick % 2 == 0 ? tree : step).put("title", " \t ");
      case TEXT_TOO_LONG -> step.put("say", "a".repeat(501));
      case MINUTES_INVERTED -> {
        ObjectNode minutes = (ObjectNode) tree.get("minutes");
        minutes.put("min", minutes.get("max").asInt() + 1);
      }
      case TOTAL_OUTSIDE_MINUTES -> {
        int total = 0;
        for (int i = 0; i < steps.size(); i++) {
          total += steps.get(i).get("seconds").asInt();
        }
        ObjectNode minutes = (ObjectNode) tree.get("minutes");
        minutes.put("min", total / 60 + 2).put("max", total / 60 + 3);
      }
      case PROMPT_WITH_AT_AND_EVERY ->
          prompts(step).addObject().put("at", 1).put("every", 5).put("say", "Both.");
      case PROMPT_AFTER_STEP_END ->
          prompts(step).addObject().put("at", step.get("seconds").asInt()).put("say", "Late.");
      case DUPLICATE_STEP_ID -> steps.add(step.deepCopy());
      case OTHER_SCHEMA_VERSION -> tree.put("schemaVersion", pick % 2 == 0 ? 2 : 0);
      case NO_STEPS -> steps.removeAll();
    }
  }

  private static ArrayNode prompts(ObjectNode step) {
    return step.has("prompts") ? (ArrayNode) step.get("prompts") : step.putArray("prompts");
  }

  // ---- generators ----

  @Provide
  Arbitrary<Routine> routines() {
    Arbitrary<List<Step>> steps = steps().list().ofMinSize(1).ofMaxSize(5).uniqueElements(Step::id);
    Arbitrary<List<String>> notes = texts().list().ofMaxSize(3);
    return Combinators.combine(
            ids(),
            texts(),
            texts().injectNull(0.4),
            texts().injectNull(0.4),
            notes,
            notes,
            steps,
            texts().injectNull(0.3))
        .as(
            (id, title, description, source, preparation, safety, stepList, closing) -> {
              List<Step> fitted = atLeastOneMinute(stepList);
              long total = fitted.stream().mapToLong(Step::seconds).sum();
              int min = (int) Math.max(1, total / 60);
              int max = (int) Math.max(min, (total + 59) / 60) + (int) (total % 3);
              return new Routine(
                  1,
                  id,
                  title,
                  description,
                  source,
                  new MinutesRange(min, max),
                  preparation,
                  safety,
                  fitted,
                  closing);
            });
  }

  /** A routine's minutes are whole and at least one, so its steps must fill at least a minute. */
  private static List<Step> atLeastOneMinute(List<Step> steps) {
    long total = steps.stream().mapToLong(Step::seconds).sum();
    if (total >= 60) {
      return steps;
    }
    List<Step> out = new ArrayList<>(steps);
    Step first = out.get(0);
    out.set(
        0,
        new Step(
            first.id(),
            first.title(),
            first.say(),
            first.seconds() + (int) (60 - total),
            first.prompts()));
    return out;
  }

  private static Arbitrary<Step> steps() {
    return Combinators.combine(ids(), texts(), texts(), Arbitraries.integers().between(5, 1800))
        .flatAs(
            (id, title, say, seconds) ->
                prompts(seconds).map(ps -> new Step(id, title, say, seconds, ps)));
  }

  private static Arbitrary<List<Prompt>> prompts(int seconds) {
    Arbitrary<Prompt> at =
        Combinators.combine(Arbitraries.integers().between(1, seconds - 1), texts())
            .as(Prompt.At::new);
    Arbitrary<Prompt> every =
        Combinators.combine(Arbitraries.integers().between(5, Math.max(5, seconds - 1)), texts())
            .as(Prompt.Every::new);
    Arbitrary<Prompt> prompt = seconds > 5 ? Arbitraries.oneOf(at, every) : at;
    return prompt.list().ofMaxSize(4);
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .numeric()
        .ofMinLength(1)
        .ofMaxLength(8)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(parts -> String.join("-", parts));
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('é', 'ß', '中', '"', '\\')
        .ofMinLength(1)
        .ofMaxLength(40)
        // texts are words: no control characters (line breaks, tabs) and at least one letter
        .filter(s -> !s.isBlank() && ControlChars.hasWords(s));
  }
}
