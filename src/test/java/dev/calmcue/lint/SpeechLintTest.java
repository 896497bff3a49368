package dev.calmcue.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.routine.RoutineLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each listenability rule, on a small routine file, with the place it points at. */
class SpeechLintTest {
  @TempDir Path dir;

  /**
   * A routine with one 60-second step whose instruction is {@code say} (line 9) and one prompt at
   * {@code promptAt} saying {@code prompt} (line 10); one safety note (line 5).
   */
  private List<SpeechWarning> lint(String safety, String say, int promptAt, String prompt, int wpm)
      throws IOException {
    String json =
        String.join(
            "\n",
            "{",
            "  \"schemaVersion\": 1, \"id\": \"t\", \"title\": \"T\",",
            "  \"minutes\": { \"min\": 1, \"max\": 2 },",
            "  \"safety\": [",
            "    \"" + safety + "\"",
            "  ],",
            "  \"steps\": [ {",
            "    \"id\": \"s\", \"title\": \"Stroking\", \"seconds\": 60,",
            "    \"say\": \"" + say + "\",",
            "    \"prompts\": [ { \"at\": "
                + promptAt
                + ", \"say\": \""
                + prompt
                + "\", \"safety\": true } ]",
            "  } ]",
            "}");
    Path file = dir.resolve("t.json");
    Files.writeString(file, json);
    RoutineLoader.Located r = new RoutineLoader().loadLocated(file);
    return new SpeechLint(wpm).check(r.routine(), r.texts());
  }

  private List<SpeechWarning> lintSay(String say) throws IOException {
    return lint("Keep every touch light.", say, 30, "Slow and soft.", 140);
  }

  private static SpeechWarning only(List<SpeechWarning> ws, SpeechRule rule) {
    List<SpeechWarning> of = ws.stream().filter(w -> w.rule() == rule).toList();
    assertEquals(1, of.size(), () -> "one " + rule + " warning expected: " + ws);
    return of.get(0);
  }

  @Test
  void cleanTextHasNoWarnings() throws IOException {
    assertEquals(List.of(), lintSay("Stroke slowly, from the shoulders down over the buttocks."));
  }

  @Test
  void longCue_instructionOfMoreThanTwentyWords() throws IOException {
    String say =
        "Start with light strokes. Place both hands flat on your baby's back. Stroke with both"
            + " hands together, from the shoulders down.";
    SpeechWarning w = only(lintSay(say), SpeechRule.LONG_CUE);
    assertEquals("steps[0].say", w.path());
    assertEquals(9, w.line());
    assertEquals(13, w.column()); // the first letter, after the opening quote at column 12
    assertTrue(w.message().contains("21 words"), w.message());
    assertTrue(w.message().contains("first prompt"), w.message());
  }

  @Test
  void tooFast_instructionRunsIntoTheFirstPrompt() throws IOException {
    String say =
        "Stroke slowly, from the shoulders down. Then stroke up, one hand after the other.";
    // 14 words and a breath: about 6.4 s at 140 words per minute, 9.7 s at 90
    assertEquals(List.of(), lint("Keep every touch light.", say, 8, "Slow and soft.", 140));
    SpeechWarning w =
        only(lint("Keep every touch light.", say, 8, "Slow and soft.", 90), SpeechRule.TOO_FAST);
    assertEquals("steps[0].say", w.path());
    assertTrue(w.message().contains("the prompt at 8 s"), w.message());
    assertTrue(w.message().contains("at 90 words per minute"), w.message());
  }

  @Test
  void noPause_missingSpaceAfterAFullStop() throws IOException {
    SpeechWarning w = only(lintSay("Stroke slowly.Then rest your hands."), SpeechRule.NO_PAUSE);
    assertEquals(13 + "Stroke slowly".length(), w.column());
  }

  @Test
  void noPause_longSentenceWithoutAComma() throws IOException {
    SpeechWarning w =
        only(
            lintSay(
                "Stroke. Stroke slowly down from the shoulders over the buttocks and the legs to"
                    + " the feet."),
            SpeechRule.NO_PAUSE);
    assertEquals(13 + "Stroke. ".length(), w.column());
    assertTrue(w.message().contains("15 words"), w.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"knead", "bottom", "back"})
  void earTrap_wordsHeardAsOthers(String trap) throws IOException {
    String say =
        switch (trap) {
          case "knead" -> "Now gently knead the long muscles.";
          case "bottom" -> "Work from the bottom upward.";
          default -> "Circle down to the waist and back up again.";
        };
    SpeechWarning w = only(lintSay(say), SpeechRule.EAR_TRAP);
    assertEquals(13 + say.indexOf(trap.equals("back") ? "and back" : trap), w.column());
  }

  @Test
  void earTrap_backAsABodyPartIsFine() throws IOException {
    assertEquals(List.of(), lintSay("Place both hands flat on your baby's back."));
  }

  @Test
  void readsOddly_digitsAbbreviationsCapitalsAndSymbols() throws IOException {
    List<SpeechWarning> ws = lintSay("Stroke 10 times, e.g. slowly, as the AAP says & softly.");
    List<SpeechWarning> odd = ws.stream().filter(w -> w.rule() == SpeechRule.READS_ODDLY).toList();
    assertEquals(4, odd.size(), ws::toString);
    assertEquals(13 + "Stroke ".length(), odd.get(0).column());
    assertTrue(odd.get(0).message().contains("\"10\""), odd.get(0).message());
    assertTrue(odd.get(1).message().contains("e.g."), odd.get(1).message());
    assertTrue(odd.get(2).message().contains("AAP"), odd.get(2).message());
    assertTrue(odd.get(3).message().contains("&"), odd.get(3).message());
  }

  @Test
  void readsOddly_columnsFollowEscapesInTheFile() throws IOException {
    // \u00e9 is six characters in the file and one in the text
    SpeechWarning w = only(lintSay("Caf\\u00e9 time, 5 strokes."), SpeechRule.READS_ODDLY);
    assertEquals(13 + "Caf\\u00e9 time, ".length(), w.column());
  }

  @Test
  void negativeSafety_safetyNoteAndSafetyPromptStartingWithANegation() throws IOException {
    List<SpeechWarning> ws =
        lint(
            "Be gentle. Never press on the spine.",
            "Stroke slowly.",
            30,
            "Do not tap the spine.",
            140);
    List<SpeechWarning> neg =
        ws.stream().filter(w -> w.rule() == SpeechRule.NEGATIVE_SAFETY).toList();
    assertEquals(2, neg.size(), ws::toString);
    assertEquals("safety[0]", neg.get(0).path());
    assertEquals(5, neg.get(0).line());
    assertEquals(6 + "Be gentle. ".length(), neg.get(0).column());
    assertEquals("steps[0].prompts[0].say", neg.get(1).path());
    assertTrue(neg.get(1).message().contains("\"Do not\""), neg.get(1).message());
  }

  @Test
  void negativeSafety_negationInsideASentenceIsFine() throws IOException {
    assertEquals(
        List.of(),
        lint("Keep your palms beside the spine, never on it.", "Stroke slowly.", 30, "Slow.", 140));
  }

  @Test
  void render_readsLikeACompilerWarning() {
    SpeechWarning w =
        new SpeechWarning(
            "steps[0].say", 9, 12, SpeechRule.EAR_TRAP, "\"knead\" sounds like \"need\"");
    assertEquals(
        "r.json:9:12: steps[0].say: warning: \"knead\" sounds like \"need\" [ear-trap]",
        w.render(Path.of("r.json")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage", "evening-stroking"})
  void bundledRoutines_areLintCleanAtDefaultAndBedtimePace(String id) {
    RoutineLoader.Located r = new RoutineLoader().loadLocated(Path.of("routines", id + ".json"));
    assertEquals(List.of(), new SpeechLint(140).check(r.routine(), r.texts()));
    assertEquals(List.of(), new SpeechLint(120).check(r.routine(), r.texts()));
  }
}
