package dev.calmcue.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineException;
import dev.calmcue.routine.RoutineLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      "With --json, one JSON object on standard output lists every file and its problems.",
      "Exit code 0 if all files are valid, 2 if any is not."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue validate routines/*.json",
      "  calmcue validate ~/.local/share/calmcue/routines/evening.json",
      "  calmcue validate --json routines/*.json   for scripts (docs/json.md)"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Routine files to check.")
  List<Path> files;

  @Option(names = "--json", description = "Print the result as JSON, for scripts.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RoutineLoader loader = new RoutineLoader();
    int invalid = 0;
    ObjectNode root = JsonOutput.root();
    ArrayNode results = root.putArray("files");
    for (Path file : files) {
      ObjectNode result = results.addObject().put("file", file.toString());
      try {
        Routine r = loader.load(file);
        int n = r.steps().size();
        result.put("valid", true).put("id", r.id()).put("steps", n)
            .put("writtenSeconds", r.writtenLength().toSeconds());
        result.putArray("problems");
        if (!json) {
          out.printf("ok: %s (%d step%s, %s)%n", file, n, n == 1 ? "" : "s",
              ClockText.length(r.writtenLength()));
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
    } else if (invalid > 0 && files.size() > 1) {
      err.printf("%d of %d files have problems%n", invalid, files.size());
    }
    out.flush();
    err.flush();
    return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
