package dev.calmcue.cli;

import dev.calmcue.routine.RoutineCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
      "  calmcue show ~/my-routines/evening.json    a routine file"
    })
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ROUTINE", description = "A routine id (see 'calmcue list') or a routine file.")
  String routine;

  @Override
  public Integer call() {
    var r = RoutineCatalog.standard().resolve(routine);
    spec.commandLine().getOut().print(RoutineOutline.of(r));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
