package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutineLoaderTest {
  private static final String INVALID = "src/test/resources/routines/invalid/";
  private static final String VALID = "src/test/resources/routines/valid/";

  private final RoutineLoader loader = new RoutineLoader();

  @TempDir Path tmp;

  private List<String> rendered(Path file) {
    return loader.check(file).stream().map(Problem::render).collect(Collectors.toList());
  }

  private List<String> rendered(String fixture) {
    return rendered(Path.of(fixture));
  }

  private Path write(String name, String json) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, json);
    return f;
  }

  /** "line:column" of the first {@code marker} in {@code text}, both 1-based. */
  private static String where(String text, String marker) {
    int i = text.indexOf(marker);
    assertTrue(i >= 0, marker);
    String before = text.substring(0, i);
    long line = 1 + before.chars().filter(c -> c == '\n').count();
    return line + ":" + (i - before.lastIndexOf('\n'));
  }

  /** A valid routine with one step whose members are {@code stepBody}. */
  private static String withStep(String stepBody) {
    return "{\"schemaVersion\": 1, \"id\": \"r\", \"title\": \"R\", \"minutes\": {\"min\": 1,"
        + " \"max\": 30},\n"
        + "\"steps\": [ {"
        + stepBody
        + "} ]}";
  }

  @Test
  void loader_readsMinimalRoutine() {
    Routine r = loader.load(Path.of(VALID + "minimal.json"));
    assertEquals("minimal", r.id());
    assertEquals(
        List.of(new Step("only", "Only step", "Stroke gently.", 60, List.of())), r.steps());
    assertEquals(new MinutesRange(1, 1), r.minutes());
    assertEquals(null, r.description());
    assertEquals(List.of(), r.preparation());
  }

  @Test
  void loader_readsEveryField() {
    Routine r = loader.load(Path.of(VALID + "full.json"));
    assertEquals(
        new Routine(
            1,
            "full",
            "Every field",
            "Uses every field of the format.",
            "Written for the tests.",
            new MinutesRange(1, 3),
            List.of("Warm room.", "Warm hands."),
            List.of("Never press on the spine."),
            List.of(
                new Step(
                    "first",
                    "First",
                    "Stroke.",
                    60,
                    List.of(new Prompt.At(20, "Gently."), new Prompt.Every(25, "Slowly."))),
                new Step("second-step", "Second", "Rub.", 45, List.of())),
            "Rest now."),
        r);
  }

  @Test
  void controlCharactersInTexts_areRejectedWithLineAndColumn_andNeverEchoedRaw()
      throws IOException {
    String json =
        "{\"schemaVersion\": 1, \"id\": \"r\", \"title\": \"Evil\\u001b]0;pwned\\u0007\",\n"
            + "\"minutes\": {\"min\": 1, \"max\": 30},\n"
            + "\"steps\": [ {\"id\": \"a\", \"title\": \"A\", \"say\": \"Stroke\\u0007 now.\","
            + " \"seconds\": 60} ]}";
    Path f = write("control.json", json);

    List<String> problems = rendered(f);

    assertEquals(
        List.of(
            f
                + ":"
                + where(json, "\"Evil")
                + ": title: contains the control character U+001B"
                + " (character 5); remove it, texts are plain words",
            f
                + ":"
                + where(json, "\"Stroke")
                + ": steps[0].say: contains the control character"
                + " U+0007 (character 7); remove it, texts are plain words"),
        problems);
    problems.forEach(p -> assertEquals(-1, ControlChars.indexOf(p), p));
  }

  @Test
  void aSayOfOnlyInvisibleCharactersOrEmoji_hasNoWordsToSay() throws IOException {
    String json =
        withStep(
            "\"id\": \"a\", \"title\": \"A\", \"say\": \"\u200b\u200d\ud83d\udc76\", \"seconds\":"
                + " 60");
    Path f = write("wordless.json", json);

    assertEquals(
        List.of(
            f
                + ":"
                + where(json, "\"\u200b")
                + ": steps[0].say: has no words to say (only"
                + " symbols, emoji or invisible characters)"),
        rendered(f));
  }

  @Test
  void loader_rejectsUnknownFieldWithLineAndColumn() {
    assertEquals(
        List.of(
            INVALID + "unknown-field.json:13:9: steps[0].prompts[0]: missing required field 'say'",
            INVALID
                + "unknown-field.json:13:21: steps[0].prompts[0]: unknown field 'sy', did you mean"
                + " 'say'?"),
        rendered(INVALID + "unknown-field.json"));
  }

  @Test
  void loader_suggestsClosestFieldName() throws IOException {
    Path f =
        write(
            "typos.json",
            withStep(
                "\"id\": \"a\", \"tilte\": \"A\", \"say\": \"Go.\", \"second\": 60, \"title\":"
                    + " \"A\", \"seconds\": 60"));
    List<String> lines = rendered(f);
    assertTrue(
        lines.stream().anyMatch(l -> l.endsWith("unknown field 'tilte', did you mean 'title'?")),
        lines::toString);
    assertTrue(
        lines.stream().anyMatch(l -> l.endsWith("unknown field 'second', did you mean 'seconds'?")),
        lines::toString);
    assertEquals(2, lines.size(), lines::toString);
  }

  @Test
  void loader_listsKnownFieldsWhenNothingIsClose() throws IOException {
    String json =
        withStep("\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 60, \"oops\": 1");
    Path f = write("oops.json", json);
    assertEquals(
        List.of(
            f
                + ":"
                + where(json, "\"oops\"")
                + ": steps[0]: unknown field 'oops' (known fields here: id, title, say, seconds,"
                + " prompts, pace)"),
        rendered(f));
  }

  @Test
  void loader_reportsWrongTypesWithWhatWasFound() {
    List<String> lines = rendered(INVALID + "wrong-types.json");
    String f = INVALID + "wrong-types.json:";
    assertEquals(
        List.of(
            f + "2:20: schemaVersion: must be the number 1, got string \"1\"",
            f + "3:9: id: must be an id in double quotes like \"back-massage\", got 42",
            f + "4:12: title: must be text in double quotes, got a list",
            f + "5:23: minutes.min: must be a whole number, got 1.5",
            f + "5:35: minutes.max: must be a whole number, got string \"ten\"",
            f
                + "6:18: preparation: must be a list of text lines [\"...\", \"...\"], got string"
                + " \"not a list\"",
            f + "8:57: steps[0].seconds: must be a whole number, got string \"ten\"",
            f
                + "9:5: steps[1]: a step must be an object { \"id\": ..., \"say\": ... }, got"
                + " string \"not a step\"",
            f + "10:27: steps[2].title: must be text in double quotes, got null",
            f + "10:40: steps[2].say: must be text in double quotes, got true",
            f + "10:57: steps[2].seconds: must be a whole number, got 12.5",
            f + "10:74: steps[2].prompts: must be a list of prompts [ { ... } ], got an object"),
        lines);
  }

  @Test
  void loader_reportsAllErrorsNotJustFirst() {
    String f = INVALID + "many-errors.json:";
    assertEquals(
        List.of(
            f
                + "3:9: id: must be a lowercase-kebab id like \"back-massage\" (a-z, 0-9 and single"
                + " dashes, at most 64 characters), got string \"Many Errors\"",
            f + "4:12: title: must not be empty",
            f + "5:14: minutes: min (10) must not be more than max (5)",
            f
                + "8:28: steps[0].prompts[0].at: must be more than 0 and less than the step's 60"
                + " seconds, got 60",
            f
                + "9:31: steps[0].prompts[1].every: must be at least 5 and less than the step's 60"
                + " seconds, got 3",
            f + "10:20: steps[0].prompts[2]: a prompt has either 'at' or 'every', not both",
            f
                + "11:13: steps[1].id: duplicate step id 'first' (already used by steps[0]); step"
                + " ids must be unique",
            f + "11:47: steps[1].say: must not be empty",
            f + "14:18: steps[2].seconds: must be between 5 and 1800, got 0"),
        rendered(INVALID + "many-errors.json"));
  }

  @Test
  void loader_rendersExactMessageWithLineAndColumn() {
    RoutineException e =
        assertThrows(
            RoutineException.class, () -> loader.load(Path.of(INVALID + "many-errors.json")));
    Problem last = e.problems().get(e.problems().size() - 1);
    assertEquals(
        new Problem(
            Path.of(INVALID + "many-errors.json"),
            14,
            18,
            "steps[2].seconds",
            "must be between 5 and 1800, got 0"),
        last);
    assertEquals(
        INVALID + "many-errors.json:14:18: steps[2].seconds: must be between 5 and 1800, got 0",
        last.render());
    assertTrue(e.getMessage().lines().count() == e.problems().size(), "one line per problem");
  }

  @Test
  void loader_rejectsDuplicateKeyNamingBothPlaces() {
    assertEquals(
        List.of(
            INVALID
                + "duplicate-key.json:7:67: steps[0].seconds: duplicate field 'seconds' (first"
                + " written at line 7, column 52); keep only one"),
        rendered(INVALID + "duplicate-key.json"));
  }

  @Test
  void loader_rejectsByteOrderMark() {
    assertEquals(
        List.of(
            INVALID
                + "bom.json:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without"
                + " BOM"),
        rendered(INVALID + "bom.json"));
  }

  @Test
  void loader_rejectsEmptyFile() {
    assertEquals(
        List.of(INVALID + "empty.json: file is empty (a routine is a JSON object { ... })"),
        rendered(INVALID + "empty.json"));
  }

  @Test
  void loader_rejectsBlankFile() throws IOException {
    Path f = write("blank.json", "  \n\t\n");
    assertEquals(List.of(f + ": file has no JSON in it (only blank space)"), rendered(f));
  }

  @Test
  void loader_rejectsDirectory() {
    assertEquals(List.of(tmp + ": is a directory, not a routine file"), rendered(tmp));
  }

  @Test
  void loader_rejectsMissingFileNamingItAsGiven() {
    assertEquals(
        List.of("routines/no-such-routine.json: no such file"),
        rendered(Path.of("routines/no-such-routine.json")));
  }

  @Test
  void loader_namesASymlinkLoop_notAMissingFile() throws IOException {
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertEquals(
        List.of(a + ": cannot reach it: its path is a loop of symbolic links"), rendered(a));
  }

  @Test
  void loader_namesALinkToNothing_withWhereItPoints() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("gone.json"), Path.of("moved.json"));
    assertEquals(List.of(link + ": is a link to moved.json, which does not exist"), rendered(link));
  }

  @Test
  void loader_namesAFolderItMayNotEnter_notAMissingFile() throws IOException {
    Path closed = Files.createDirectory(tmp.resolve("closed"));
    Path inside = Files.writeString(closed.resolve("r.json"), "{}");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
    try {
      // root enters any folder: nothing to see there
      Assumptions.assumeFalse(Files.isReadable(inside), "running as root");
      assertEquals(
          List.of(inside + ": cannot reach it: permission denied on a folder in its path"),
          rendered(inside));
    } finally {
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void loader_saysAnEmptyPathIsEmpty_notADirectory() {
    assertEquals(List.of("'': the path is empty: name a routine file"), rendered(Path.of("")));
  }

  @Test
  void loader_rejectsHugeFileWithoutReadingIt() throws IOException {
    Path f = tmp.resolve("huge.json");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024); // sparse: costs no disk and no time
    }
    assertEquals(
        List.of(f + ": is 50.0 MiB, too big for a routine file (at most 1024 KiB)"), rendered(f));
  }

  @Test
  void loader_acceptsFileJustUnderTheCap() throws IOException {
    String routine = Files.readString(Path.of(VALID + "minimal.json"));
    String padded = routine + " ".repeat((int) RoutineLoader.MAX_BYTES - routine.length());
    Path f = write("padded.json", padded);
    assertEquals(RoutineLoader.MAX_BYTES, Files.size(f));
    assertEquals("minimal", loader.load(f).id());
    Files.writeString(f, padded + " ");
    assertTrue(rendered(f).get(0).contains("too big for a routine file"));
  }

  @Test
  void loader_rejectsNonUtf8AtTheBadByte() {
    assertEquals(
        List.of(
            INVALID + "not-utf8.json:4:16: not valid UTF-8 (byte 0xE9); save the file as UTF-8"),
        rendered(INVALID + "not-utf8.json"));
  }

  @Test
  void loader_rejectsUtf16() throws IOException {
    Path f = tmp.resolve("utf16.json");
    Files.write(f, "{}".getBytes(StandardCharsets.UTF_16));
    assertEquals(List.of(f + ":1:1: file is UTF-16; save it as UTF-8 without BOM"), rendered(f));
  }

  @Test
  void loader_rejectsTrailingGarbage() {
    assertEquals(
        List.of(
            INVALID
                + "trailing-garbage.json:8:1: unexpected text after the end of the document (the"
                + " routine must be one JSON object)"),
        rendered(INVALID + "trailing-garbage.json"));
  }

  @Test
  void loader_rejectsSecondDocument() throws IOException {
    Path f = write("two.json", "{\"a\": 1}\n{\"b\": 2}");
    assertEquals(
        List.of(
            f
                + ":2:1: unexpected text after the end of the document (the routine must be one"
                + " JSON object)"),
        rendered(f));
  }

  @Test
  void loader_reportsSyntaxErrorLocationOnly() {
    assertEquals(
        List.of(
            INVALID
                + "syntax-error.json:5:3: invalid JSON: a comma is missing before this (between two"
                + " fields)"),
        rendered(INVALID + "syntax-error.json"));
  }

  @Test
  void loader_reportsUnterminatedDocumentAsOneLine() throws IOException {
    // The repository's pre-stop check: earlier type errors and unknown fields do not matter
    // once the file is not JSON at all.
    Path f =
        write(
            "cut.json",
            "{\"schemaVersion\": 1, \"id\": \"x\",\n"
                + " \"steps\": [ {\"id\": \"a\", \"seconds\": \"ten\"} ],\n"
                + " \"oops\": true");
    assertEquals(
        List.of(
            f
                + ":3:14: invalid JSON: the file ends before the object opened at line 1, column 1"
                + " is closed (a '}' is missing)"),
        rendered(f));
  }

  @Test
  void loader_explainsCommonJsonMistakes() throws IOException {
    assertEquals(
        List.of(
            "t.json:1:15: invalid JSON: a comma before '}' is not allowed in JSON (remove the last"
                + " comma)"),
        relative(write("t.json", "{\"id\": \"x\",   }")));
    assertEquals(
        List.of("t.json:1:2: invalid JSON: JSON needs double quotes (\"), not single quotes"),
        relative(write("t.json", "{'id': 'x'}")));
    assertEquals(
        List.of("t.json:2:1: invalid JSON: comments are not allowed in JSON"),
        relative(write("t.json", "{\n// note\n}")));
    assertEquals(
        List.of(
            "t.json:1:12: invalid JSON: the file ends inside a string (a closing \" is missing)"),
        relative(write("t.json", "{\"id\": \"abc")));
    List<String> nan = relative(write("t.json", "{\"id\": NaN}"));
    assertTrue(nan.get(0).contains("not a JSON value: 'NaN'"), nan::toString);
    assertEquals(
        List.of(
            "t.json:1:13: invalid JSON: a comma is missing before this (between two list items)"),
        relative(write("t.json", "{\"a\": [1, 2 3]}")));
    List<String> word = relative(write("t.json", "{\"id\": yes}"));
    assertTrue(word.get(0).contains("unknown word 'yes'"), word::toString);
    List<String> ctrl = relative(write("t.json", "{\"id\": \"a\nb\"}"));
    assertTrue(ctrl.get(0).contains("must be written as an escape like \\n"), ctrl::toString);
  }

  private List<String> relative(Path f) {
    return rendered(f).stream()
        .map(l -> l.substring(tmp.toString().length() + 1))
        .collect(Collectors.toList());
  }

  @Test
  void loader_rejectsDeepNestingWithoutBlowingTheStack() throws IOException {
    Path f = write("deep.json", "[".repeat(100_000));
    List<String> lines = rendered(f);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).contains("nested too deeply"), lines::toString);
  }

  @Test
  void loader_rejectsStepsThatDoNotFitTheMinutes() {
    assertEquals(
        List.of(
            INVALID
                + "total-outside-minutes.json:6:12: steps: the steps' seconds add up to 200 (3:20),"
                + " outside minutes 1 to 2 (60 to 120 seconds); change the steps' seconds or"
                + " 'minutes'"),
        rendered(INVALID + "total-outside-minutes.json"));
  }

  @Test
  void loader_acceptsTotalExactlyAtTheMinutesBounds() throws IOException {
    assertTrue(
        rendered(
                write(
                    "low.json",
                    withStep("\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 60")))
            .isEmpty());
    assertTrue(
        rendered(
                write(
                    "high.json",
                    withStep(
                        "\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 1800")))
            .isEmpty());
    assertEquals(
        1,
        rendered(
                write(
                    "under.json",
                    withStep("\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 59")))
            .size());
  }

  @Test
  void loader_requiresEachMissingFieldOnce() throws IOException {
    Path f = write("bare.json", "{}");
    assertEquals(
        List.of(
            f + ":1:1: missing required fields 'schemaVersion', 'id', 'title', 'minutes', 'steps'"),
        rendered(f));
    Path step = write("step.json", withStep("\"id\": \"a\""));
    assertEquals(
        List.of(
            step
                + ":"
                + where(withStep(""), "{}")
                + ": steps[0]: missing required fields 'title', 'say', 'seconds'"),
        rendered(step));
  }

  @Test
  void loader_rejectsPromptWithNeitherAtNorEvery() throws IOException {
    String json =
        withStep(
            "\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 60, \"prompts\":"
                + " [{\"say\": \"Hi.\"}]");
    Path f = write("p.json", json);
    assertEquals(
        List.of(
            f
                + ":"
                + where(json, "{\"say\"")
                + ": steps[0].prompts[0]: a prompt needs 'at' (seconds into the step) or 'every'"
                + " (repeat period in seconds)"),
        rendered(f));
  }

  @Test
  void loader_checksPromptTimesEvenWhenStepLengthIsBroken() throws IOException {
    Path f =
        write(
            "p.json",
            withStep(
                "\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": \"x\","
                    + " \"prompts\": [{\"at\": 0, \"say\": \"Hi.\"}]"));
    List<String> lines = rendered(f);
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(
        lines.get(1).endsWith("steps[0].prompts[0].at: must be more than 0, got 0"),
        lines::toString);
  }

  @Test
  void loader_rejectsTextOver500Characters() throws IOException {
    String json =
        withStep(
            "\"id\": \"a\", \"title\": \"A\", \"say\": \""
                + "é".repeat(501)
                + "\", \"seconds\": 60");
    Path f = write("long.json", json);
    assertEquals(
        List.of(
            f
                + ":"
                + where(json, "\"éé")
                + ": steps[0].say: is 501 characters long; at most 500 are allowed"),
        rendered(f));
    Path ok =
        write(
            "ok.json",
            withStep(
                "\"id\": \"a\", \"title\": \"A\", \"say\": \""
                    + "é".repeat(500)
                    + "\", \"seconds\": 60"));
    assertTrue(rendered(ok).isEmpty());
  }

  @Test
  void loader_rejectsBadIds() throws IOException {
    for (String bad :
        List.of("Back", "back_massage", "-back", "back-", "back--massage", "", "a".repeat(65))) {
      Path f =
          write(
              "id.json",
              withStep(
                  "\"id\": \"" + bad + "\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 60"));
      List<String> lines = rendered(f);
      assertEquals(1, lines.size(), bad);
      assertTrue(
          lines.get(0).contains("steps[0].id: must be a lowercase-kebab id"), lines::toString);
    }
  }

  @Test
  void loader_rejectsOtherSchemaVersions() throws IOException {
    Path f =
        write(
            "v2.json",
            withStep("\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 60")
                .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
    assertEquals(
        List.of(f + ":1:19: schemaVersion: this calmcue reads routine format version 1, got 2"),
        rendered(f));
  }

  @Test
  void loader_treatsHugeNumbersAsOutOfRangeNotAsCrashes() throws IOException {
    String json =
        withStep("\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 1e999999999999");
    Path f = write("n.json", json);
    assertEquals(
        List.of(
            f
                + ":"
                + where(json, "1e9")
                + ": steps[0].seconds: must be between 5 and 1800, got 1e999999999999"),
        rendered(f));
    Path g =
        write(
            "m.json",
            withStep(
                "\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\":"
                    + " 123456789012345678901234567890"));
    assertEquals(1, rendered(g).size());
  }

  @Test
  void loader_readsFromStreamUnderDisplayName() {
    String json = withStep("\"id\": \"a\", \"title\": \"A\", \"say\": \"Go.\", \"seconds\": 0");
    RoutineException e =
        assertThrows(
            RoutineException.class,
            () ->
                loader.load(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "built-in/r.json"));
    assertEquals(
        "built-in/r.json:"
            + where(json, "0} ]")
            + ": steps[0].seconds: must be between 5 and 1800, got 0",
        e.getMessage());
    assertFalse(
        loader
                .check(
                    new ByteArrayInputStream(
                        json.replace("\"seconds\": 0", "\"seconds\": 60")
                            .getBytes(StandardCharsets.UTF_8)),
                    "x")
                .size()
            > 0);
  }

  @Test
  void loader_acceptsWholeNumbersWrittenWithDecimalPoint() {
    assertEquals(45, loader.load(Path.of(VALID + "full.json")).steps().get(1).seconds());
  }
}
