package dev.calmcue.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.lint.SpeechLint;
import dev.calmcue.lint.SpeechWarning;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineException;
import dev.calmcue.routine.RoutineLoader;
import dev.calmcue.speech.SpeakingRate;
import dev.calmcue.text.TimeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calmcue validate FILE...}: every problem in each routine file, or "ok". */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check routine files against the routine format.",
      "The format is described in docs/routine-format.md.",
      "Prints 'ok: FILE (N steps, M:SS)' on standard output for each valid file, and every "
          + "problem of the others on standard error, one per line as FILE:LINE:COLUMN: PATH: "
          + "MESSAGE.",
      "With --speech, also checks each file for listenability and prints warnings on standard "
          + "error as FILE:LINE:COLUMN: PATH: warning: MESSAGE [RULE] (see 'Writing for the ear' "
          + "in docs/routine-format.md).",
      "With --json, one JSON object on standard output lists every file, its problems and its "
          + "warnings.",
      "Exit code 0 if all files are valid, 2 if any is not; warnings keep 0, or make it 1 with "
          + "--strict."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue validate routines/*.json",
      "  calmcue validate --speech --strict my-routine.json",
      "  calmcue validate --speech --rate 120 my-routine.json    (as played with --bedtime)",
      "  calmcue validate ~/.local/share/calmcue/routines/evening.json",
      "  calmcue validate --json routines/*.json   for scripts (docs/json.md)"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Routine files to check.")
  List<Path> files;

  @Option(names = "--json", description = "Print the result as JSON, for scripts.")
  boolean json;

  @Option(
      names = "--speech",
      description =
          "Also check how the routine sounds: long or rushed cues, sentences without a pause,"
              + " words misheard by ear, digits, negative safety lines.")
  boolean speech;

  @Option(names = "--strict", description = "With --speech: exit 1 when there is any warning.")
  boolean strict;

  @Option(
      names = "--rate",
      paramLabel = "WPM",
      description =
          "With --speech: the speaking rate to time cues at (default: ${DEFAULT-VALUE},"
              + " as 'play'; 120 is the --bedtime pace).")
  int rate = SpeakingRate.DEFAULT_WPM;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (strict && !speech) {
      throw new ParameterException(spec.commandLine(), "--strict needs --speech");
    }
    RoutineLoader loader = new RoutineLoader();
    SpeechLint lint = new SpeechLint(SpeakingRate.resolve(rate, SpeakingRate.DEFAULT_WPM));
    int invalid = 0;
    int warnings = 0;
    ObjectNode root = JsonOutput.root();
    ArrayNode results = root.putArray("files");
    for (Path file : files) {
      ObjectNode result = results.addObject().put("file", file.toString());
      try {
        RoutineLoader.Located located = loader.loadLocated(file);
        Routine r = located.routine();
        int n = r.steps().size();
        result
            .put("valid", true)
            .put("id", r.id())
            .put("steps", n)
            .put("writtenSeconds", r.writtenLength().toSeconds());
        result.putArray("problems");
        if (!json) {
          out.printf(
              "ok: %s (%d step%s, %s)%n",
              file, n, n == 1 ? "" : "s", TimeText.minutes(r.writtenLength()));
        }
        if (speech) {
          List<SpeechWarning> found = lint.check(r, located.texts());
          ArrayNode warningsJson = result.putArray("warnings");
          for (SpeechWarning w : found) {
            warningsJson
                .addObject()
                .put("line", w.line())
                .put("column", w.column())
                .put("path", w.path())
                .put("rule", w.rule().id())
                .put("message", w.message());
            if (!json) {
              err.println(w.render(file));
            }
          }
          warnings += found.size();
        }
      } catch (RoutineException e) {
        result.put("valid", false);
        ArrayNode problems = result.putArray("problems");
        e.problems().forEach(p -> RoutineJson.problem(p, problems.addObject()));
        if (!json) {
          e.problems().forEach(p -> err.println(p.render()));
        }
        invalid++;
      }
    }
    if (json) {
      root.put("valid", invalid == 0);
      out.print(JsonOutput.text(root));
    } else {
      if (invalid > 0 && files.size() > 1) {
        err.printf("%d of %d files have problems%n", invalid, files.size());
      }
      if (warnings > 0) {
        err.printf("%d speech warning%s%n", warnings, warnings == 1 ? "" : "s");
      }
    }
    out.flush();
    err.flush();
    if (invalid > 0) {
      return ExitCodes.USAGE;
    }
    return strict && warnings > 0 ? ExitCodes.RUNTIME : ExitCodes.OK;
  }
}
