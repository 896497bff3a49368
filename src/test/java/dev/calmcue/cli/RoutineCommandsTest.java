package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, show and validate as a user runs them: exit codes, output, and no stack traces. */
class RoutineCommandsTest {
  private static final String INVALID = "src/test/resources/routines/invalid/";

  @TempDir Path tmp;

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  @Test
  void list_showsSeedRoutinesWithDetails() {
    Cli.Result r = run("list");
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        Pattern.compile("(?m)^ID +TITLE +MINUTES +STEPS +LENGTH +FROM$").matcher(r.out()).find(),
        r::toString);
    assertTrue(
        Pattern.compile("(?m)^back-massage +Back massage +5-10 +6 +6:15 +\\S+")
            .matcher(r.out())
            .find(),
        r::toString);
    assertTrue(
        Pattern.compile("(?m)^daily-back-massage +Daily back massage +5-10 +4 +6:30 +\\S+")
            .matcher(r.out())
            .find(),
        r::toString);
    assertTrue(r.out().contains("Searched, first match wins:"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void list_json_isMachineReadable() throws IOException {
    Cli.Result r = run("list", "--json");
    assertEquals(0, r.code(), r::toString);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(1, root.get("schemaVersion").asInt());
    JsonNode list = root.get("routines");
    JsonNode back = null;
    for (JsonNode e : list) {
      if (e.get("id").asText().equals("back-massage")) {
        back = e;
      }
    }
    assertTrue(back != null, r::toString);
    assertEquals("Back massage", back.get("title").asText());
    assertEquals(5, back.at("/minutes/min").asInt());
    assertEquals(10, back.at("/minutes/max").asInt());
    assertEquals(6, back.get("steps").asInt());
    assertEquals(375, back.get("seconds").asInt());
    assertTrue(back.get("file").asText().endsWith("back-massage.json"));
    assertTrue(List.of("project", "user", "built-in").contains(back.get("from").asText()));
  }

  @Test
  void show_printsTheOutlineWithStartTimesAndPrompts() {
    Cli.Result r = run("show", "back-massage");
    assertEquals(0, r.code(), r::toString);
    String out = r.out();
    assertTrue(out.startsWith("Back massage (back-massage)\n"), r::toString);
    for (String expected :
        List.of(
            "Minutes:  5 to 10; the 6 steps take 6:15 as written",
            "Before you start:\n  [ ] The room is warm and well aired.",
            "Safety:\n  !   Keep every touch soft and light.",
            "  00:00  1. Stroking with both hands (1:00, 24 strokes a minute)\n"
                + "         Start with light strokes.",
            "         +0:25       Palms flat and soft. Include the buttocks.",
            "  03:00  4. Circular rubbing beside the spine (1:15, 48 strokes a minute)",
            "Steps (! a safety prompt, kept with --prompts few):\n",
            "       ! +0:50       Palms beside the spine, never on it.",
            "  05:15  6. Stroking the legs and feet (1:00, 30 strokes a minute)",
            "  06:15  End: That is the end of the massage.")) {
      assertTrue(out.contains(expected), () -> "missing:\n" + expected + "\n" + r);
    }
  }

  @Test
  void show_acceptsAFilePath() {
    Cli.Result r = run("show", "src/test/resources/routines/valid/full.json");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("         every 0:25  Slowly."), r::toString);
    // No safety prompt in this file: no marker legend either.
    assertTrue(r.out().contains("\nSteps:\n"), r::toString);
    assertTrue(r.out().contains("  01:45  End: Rest now."), r::toString);
  }

  @Test
  void show_unknownRoutineIsOneLineAndExit2() {
    Cli.Result r = run("show", "nope");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("calmcue: unknown routine 'nope' (known: "), r::toString);
    assertTrue(
        r.err().contains("back-massage") && r.err().contains("; see 'calmcue list')"), r::toString);
  }

  @Test
  void show_brokenFileNamesItsProblems() {
    Cli.Result r = run("show", INVALID + "syntax-error.json");
    assertEquals(2, r.code(), r::toString);
    assertEquals(
        "calmcue: "
            + INVALID
            + "syntax-error.json:5:3: invalid JSON: a comma is missing before this (between two"
            + " fields)\n",
        r.err());
  }

  @Test
  void validate_printsOkLinesForValidFiles() {
    Cli.Result r =
        run("validate", "routines/back-massage.json", "routines/daily-back-massage.json");
    assertEquals(0, r.code(), r::toString);
    assertEquals(
        "ok: routines/back-massage.json (6 steps, 6:15)\n"
            + "ok: routines/daily-back-massage.json (4 steps, 6:30)\n",
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void validateSpeech_bundledRoutinesAreClean() {
    Cli.Result r =
        run(
            "validate",
            "--speech",
            "routines/back-massage.json",
            "routines/daily-back-massage.json",
            "routines/evening-stroking.json");
    assertEquals(0, r.code(), r::toString);
    assertEquals(3, r.out().lines().filter(l -> l.startsWith("ok: ")).count(), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void validateSpeech_warnsWithPlacesAndExitsZero_orOneWhenStrict() throws IOException {
    Path file = tmp.resolve("hard.json");
    Files.writeString(
        file,
        "{\"schemaVersion\": 1, \"id\": \"hard\", \"title\": \"Hard\", \"minutes\": {\"min\": 1,"
            + " \"max\": 2},\n"
            + " \"safety\": [\"Do not press on the spine.\"],\n"
            + " \"steps\": [{\"id\": \"k\", \"title\": \"Kneading\", \"seconds\": 60, \"say\":"
            + " \"Knead from the bottom up, 3 times.\"}]}\n");
    Cli.Result r = run("validate", "--speech", file.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.errLines()
            .contains(
                file
                    + ":2:14: safety[0]: warning: a safety sentence starting with \"Do not\" is"
                    + " easily heard without it: say what to do instead (\"Keep your hands beside"
                    + " the spine\") [negative-safety]"),
        r::toString);
    assertTrue(
        r.err().contains(file + ":3:34: steps[0].title: warning: \"Kneading\" sounds like"),
        r::toString);
    assertTrue(r.err().contains("[reads-oddly]"), r::toString);
    assertTrue(r.err().endsWith("5 speech warnings\n"), r::toString);
    assertEquals(1, run("validate", "--speech", "--strict", file.toString()).code());
    assertEquals(
        0, run("validate", file.toString()).code(), "without --speech only the format counts");
  }

  @Test
  void validateSpeech_rateOutOfRangeIsOneLineAndExit2() {
    Cli.Result r = run("validate", "--speech", "--rate", "500", "routines/back-massage.json");
    assertEquals(2, r.code(), r::toString);
    assertTrue(
        r.err().startsWith("calmcue: --rate 500 is out of range: use 80 to 220"), r::toString);
  }

  @Test
  void validateStrict_needsSpeech() {
    Cli.Result r = run("validate", "--strict", "routines/back-massage.json");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--strict needs --speech"), r::toString);
  }

  @Test
  void validate_reportsEveryProblemOnStderrAndExits2() {
    Cli.Result r = run("validate", INVALID + "many-errors.json");
    assertEquals(2, r.code(), r::toString);
    assertEquals("", r.out());
    assertEquals(9, r.errLines().size(), r::toString);
    assertTrue(
        r.errLines()
            .contains(
                INVALID
                    + "many-errors.json:14:18: steps[2].seconds: must be between 5 and 1800, got"
                    + " 0"),
        r::toString);
  }

  @Test
  void validate_checksEveryFileAndSummarizes() {
    Cli.Result r = run("validate", "routines/back-massage.json", INVALID + "unknown-field.json");
    assertEquals(2, r.code(), r::toString);
    assertEquals("ok: routines/back-massage.json (6 steps, 6:15)\n", r.out());
    assertEquals(
        List.of(
            INVALID + "unknown-field.json:13:9: steps[0].prompts[0]: missing required field 'say'",
            INVALID
                + "unknown-field.json:13:21: steps[0].prompts[0]: unknown field 'sy', did you mean"
                + " 'say'?",
            "1 of 2 files have problems"),
        r.errLines());
  }

  @Test
  void validate_unterminatedRoutineIsOneCleanLine() throws IOException {
    Path f = tmp.resolve("broken.json");
    Files.writeString(
        f,
        "{\"schemaVersion\": 1, \"id\": \"x\",\n"
            + " \"steps\": [ {\"id\": \"a\", \"seconds\": \"ten\"} ],\n"
            + " \"oops\": true");
    Cli.Result r = run("validate", f.toString());
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err()
            .startsWith(
                f
                    + ":3:14: invalid JSON: the file ends before the object opened at line 1,"
                    + " column 1"),
        r::toString);
  }

  @Test
  void validate_badFilesGetOneLineEach() throws IOException {
    Path huge = tmp.resolve("huge.json");
    try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }
    Path empty = Files.createFile(tmp.resolve("empty.json"));
    Cli.Result r =
        run(
            "validate",
            huge.toString(),
            tmp.toString(),
            tmp.resolve("missing.json").toString(),
            empty.toString(),
            INVALID + "bom.json",
            INVALID + "not-utf8.json");
    assertEquals(2, r.code(), r::toString);
    assertEquals(
        List.of(
            huge + ": is 50.0 MiB, too big for a routine file (at most 1024 KiB)",
            tmp + ": is a directory, not a routine file",
            tmp.resolve("missing.json") + ": no such file",
            empty + ": file is empty (a routine is a JSON object { ... })",
            INVALID
                + "bom.json:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without"
                + " BOM",
            INVALID + "not-utf8.json:4:16: not valid UTF-8 (byte 0xE9); save the file as UTF-8",
            "6 of 6 files have problems"),
        r.errLines());
  }

  @Test
  void validate_anEmptyPath_saysItIsEmpty() {
    Cli.Result r = run("validate", "");
    assertEquals(2, r.code(), r::toString);
    assertEquals(List.of("'': the path is empty: name a routine file"), r.errLines());
  }

  @Test
  void validate_withoutFilesIsUsageError() {
    Cli.Result r = run("validate");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("Missing required parameter"), r::toString);
  }

  @Test
  void show_withoutRoutineIsUsageError() {
    Cli.Result r = run("show");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("ROUTINE"), r::toString);
  }

  @Test
  void commands_haveHelpWithExamples() {
    for (String command : List.of("list", "show", "validate")) {
      Cli.Result r = run(command, "--help");
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.out().contains("Examples:"), r::toString);
    }
  }
}
