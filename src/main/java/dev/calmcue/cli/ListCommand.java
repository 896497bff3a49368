package dev.calmcue.cli;

import dev.calmcue.routine.RoutineCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calmcue list}: the routines you can play and where each comes from. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the routines you can play: id, title, minutes, steps, length and where each comes "
          + "from.",
      "Searched in order, first match wins: the project's routines/ folder "
          + "($CALMCUE_HOME/routines, else ./routines), your own folder "
          + "($XDG_DATA_HOME/calmcue/routines, else ~/.local/share/calmcue/routines), then the "
          + "routines built into calmcue.",
      "A broken file is listed with its first problem; run 'calmcue validate FILE' for all of "
          + "them."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue list            the table",
      "  calmcue list --json     the same as JSON, for scripts"
    })
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    RoutineCatalog catalog = RoutineCatalog.standard();
    var entries = catalog.entries();
    spec.commandLine()
        .getOut()
        .print(
            json
                ? CatalogListing.json(entries)
                : CatalogListing.table(entries, catalog.searched()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
