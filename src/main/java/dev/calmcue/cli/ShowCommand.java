package dev.calmcue.cli;

import dev.calmcue.routine.RoutineCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calmcue show ROUTINE}: a routine as a readable outline. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a routine as an outline: what to prepare, safety notes, and every step with its "
          + "start time, length, instruction and prompts, then the closing words."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue show back-massage                  a routine from 'calmcue list'",
      "  calmcue show ~/my-routines/evening.json    a routine file",
      "  calmcue show back-massage --json           the same as JSON (docs/json.md)"
    })
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ROUTINE",
      completionCandidates = RoutineIds.class,
      description = "A routine id (see 'calmcue list') or a routine file.")
  String routine;

  @Option(names = "--json", description = "Print the routine as JSON, for scripts.")
  boolean json;

  @Override
  public Integer call() {
    var r = RoutineCatalog.standard().resolve(routine);
    spec.commandLine()
        .getOut()
        .print(
            json
                ? JsonOutput.text(RoutineJson.routine(r, JsonOutput.root()))
                : RoutineOutline.of(r));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
