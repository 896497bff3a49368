package dev.calmcue.cli;

import dev.calmcue.text.TimeText;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineException;
import dev.calmcue.routine.RoutineLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calmcue validate FILE...}: every problem in each routine file, or "ok". */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check routine files against the routine format (docs/routine-format.md).",
      "Prints 'ok: FILE (N steps, M:SS)' on standard output for each valid file, and every problem",
      "of the others on standard error, one per line as FILE:LINE:COLUMN: PATH: MESSAGE.",
      "Exit code 0 if all files are valid, 2 if any is not."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue validate routines/*.json",
      "  calmcue validate ~/.local/share/calmcue/routines/evening.json"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Routine files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RoutineLoader loader = new RoutineLoader();
    int invalid = 0;
    for (Path file : files) {
      try {
        Routine r = loader.load(file);
        int n = r.steps().size();
        out.printf(
            "ok: %s (%d step%s, %s)%n",
            file, n, n == 1 ? "" : "s", TimeText.minutes(r.writtenLength()));
      } catch (RoutineException e) {
        e.problems().forEach(p -> err.println(p.render()));
        invalid++;
      }
    }
    if (invalid > 0 && files.size() > 1) {
      err.printf("%d of %d files have problems%n", invalid, files.size());
    }
    out.flush();
    err.flush();
    return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
