package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** calmcue plan with the real speech engine: the JSON contract, options and usage errors. */
class PlanCommandTest {
  private static final Set<String> KINDS =
      Set.of(
          "intro",
          "preparation",
          "safety",
          "ready",
          "instruction",
          "prompt",
          "halfway",
          "next",
          "closing",
          "chime");

  @Test
  void planJson_hasTheFixedShapeAndNoOverlaps() throws Exception {
    Cli.Result r = Cli.run("plan", "back-massage", "--json");
    assertEquals(0, r.code(), r::toString);
    JsonNode root = new ObjectMapper().readTree(r.out());
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of("schemaVersion", "routine", "totalSeconds", "cues", "steps", "dropped"), fields);
    assertEquals("back-massage", root.get("routine").asText());
    double previousEnd = 0;
    int instructions = 0;
    for (JsonNode cue : root.get("cues")) {
      List<String> keys = new ArrayList<>();
      cue.fieldNames().forEachRemaining(keys::add);
      assertEquals(List.of("at", "end", "kind", "step", "text"), keys);
      assertTrue(KINDS.contains(cue.get("kind").asText()), cue.toString());
      assertTrue(cue.get("at").asDouble() >= previousEnd, "overlap at " + cue);
      previousEnd = cue.get("end").asDouble();
      if (cue.get("kind").asText().equals("instruction")) {
        instructions++;
        assertTrue(cue.get("step").isTextual());
      }
    }
    assertEquals(6, instructions);
    assertEquals(previousEnd, root.get("totalSeconds").asDouble(), 1e-9);
  }

  @Test
  void planMinutes_stretchesTheSteps() throws Exception {
    JsonNode five =
        new ObjectMapper()
            .readTree(Cli.run("plan", "daily-back-massage", "--json", "--minutes", "5").out());
    JsonNode ten =
        new ObjectMapper()
            .readTree(Cli.run("plan", "daily-back-massage", "--json", "--minutes", "10").out());
    double grown = ten.get("totalSeconds").asDouble() - five.get("totalSeconds").asDouble();
    assertEquals(300.0, grown, 0.01);
  }

  @Test
  void planPrep_speaksChecklistAndSafetyBeforeTheFirstInstruction() throws Exception {
    JsonNode root =
        new ObjectMapper().readTree(Cli.run("plan", "back-massage", "--json", "--prep").out());
    List<String> kinds = new ArrayList<>();
    for (Iterator<JsonNode> it = root.get("cues").elements(); it.hasNext(); ) {
      String k = it.next().get("kind").asText();
      if (k.equals("instruction")) {
        break;
      }
      kinds.add(k);
    }
    assertEquals("intro", kinds.get(0));
    assertEquals("ready", kinds.get(kinds.size() - 1));
    assertTrue(kinds.contains("preparation") && kinds.contains("safety"), kinds::toString);
  }

  @Test
  void planTable_listsEveryCueAndSaysWhatWasDropped() {
    Cli.Result r = Cli.run("plan", "back-massage");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("back-massage: Back massage, "), r::toString);
    assertTrue(r.out().contains("instruction  simultaneous-stroking"), r::toString);
    assertTrue(
        r.out().contains("Nothing dropped.") || r.out().contains("dropped to keep cues"),
        r::toString);
  }

  @Test
  void planMinutesOutsideRange_isOneLineAndExit2() {
    Cli.Result r = Cli.run("plan", "back-massage", "--minutes", "12");
    assertEquals(2, r.code(), r::toString);
    assertEquals(
        "calmcue: --minutes 12 is outside the range of 'back-massage': choose 5 to 10 minutes\n",
        r.err());
  }

  @Test
  void planBadRate_namesTheFlag() {
    Cli.Result r = Cli.run("plan", "back-massage", "--rate", "500");
    assertEquals(2, r.code(), r::toString);
    assertTrue(
        r.err().startsWith("calmcue: --rate must be 80 to 220 words per minute, got 500"),
        r::toString);
  }

  @Test
  void planUnknownRoutine_isExit2() {
    Cli.Result r = Cli.run("plan", "no-such-routine");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("calmcue: unknown routine 'no-such-routine'"), r::toString);
  }

  @Test
  void planUnknownEngine_isExit2() {
    Cli.Result r = Cli.run("plan", "back-massage", "--engine", "nope");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--engine"), r::toString);
  }

  private static List<JsonNode> cues(String... args) throws Exception {
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.code(), r::toString);
    List<JsonNode> cues = new ArrayList<>();
    new ObjectMapper().readTree(r.out()).get("cues").elements().forEachRemaining(cues::add);
    return cues;
  }

  private static List<String> texts(List<JsonNode> cues, String kind) {
    return cues.stream()
        .filter(c -> c.get("kind").asText().equals(kind))
        .map(c -> c.get("text").asText())
        .toList();
  }

  @Test
  void planPromptsFew_keepsInstructionsNextBabyCheckAndSafetyPrompts() throws Exception {
    List<JsonNode> normal = cues("plan", "back-massage", "--json");
    List<JsonNode> few = cues("plan", "back-massage", "--json", "--prompts", "few");
    assertEquals(texts(normal, "instruction"), texts(few, "instruction"));
    assertEquals(texts(normal, "next"), texts(few, "next"));
    assertEquals(1, texts(few, "halfway").size());
    assertEquals(
        List.of(
            "Glide lightly over the spine, like a feather.",
            "Palms beside the spine, never on it.",
            "Move down over the buttocks, then up again. Keep your thumbs off the spine.",
            "Watch your baby. If your baby fusses, stop and cuddle."),
        texts(few, "prompt"));
    assertTrue(texts(normal, "prompt").size() > texts(few, "prompt").size());
  }

  @Test
  void planBadPrompts_namesTheFlag() {
    Cli.Result r = Cli.run("plan", "back-massage", "--prompts", "some");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--prompts"), r::toString);
    assertTrue(r.err().contains("'some' is not few or normal"), r::toString);
  }

  @Test
  void planPrep_saysWhatARenderedFileSays_noKeysToPress() throws Exception {
    List<JsonNode> cues = cues("plan", "back-massage", "--json", "--prep");
    assertEquals(List.of("Ready? Here is the first step."), texts(cues, "ready"));
    assertEquals(List.of("Welcome. Time for the back massage."), texts(cues, "intro"));
    List<String> preparation = texts(cues, "preparation");
    assertTrue(
        preparation.get(preparation.size() - 1).startsWith("Now lay your baby on the tummy"),
        preparation::toString);
  }
}
