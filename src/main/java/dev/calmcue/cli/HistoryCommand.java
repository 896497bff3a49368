package dev.calmcue.cli;

import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.HistoryStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calmcue history}: past sessions, totals, the current streak and why sessions ended early.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Show past sessions (in local time), totals per routine, the current streak of days with "
          + "a session, and how often sessions ended early and why.",
      "",
      "History is kept in $XDG_DATA_HOME/calmcue/history.jsonl (default "
          + "~/.local/share/calmcue/history.jsonl). Damaged lines are skipped with a warning on "
          + "stderr; the rest is still shown."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue history                          all sessions",
      "  calmcue history --since 2026-11-01       sessions since the 1st of November",
      "  calmcue history --routine back-massage   one routine only",
      "  calmcue history --json | jq .streakDays  for scripts"
    })
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      converter = IsoDate.class,
      description =
          "Only sessions that started on or after DATE (YYYY-MM-DD, your local day). The streak"
              + " still counts every day.")
  LocalDate since;

  @Option(names = "--routine", paramLabel = "ID", description = "Only sessions of this routine.")
  String routine;

  @Option(names = "--json", description = "Print JSON (sessions, totals, streak) for scripts.")
  boolean json;

  @Override
  public Integer call() {
    HistoryStore store = new HistoryStore(HistoryLocation.historyFile(), Clock.systemDefaultZone());
    HistoryReport report = new HistoryReport(store, new HistoryReport.Filter(since, routine));
    CommandLine cl = spec.commandLine();
    report.print(cl.getOut(), cl.getErr(), json);
    return ExitCodes.OK;
  }

  /** A calendar date, YYYY-MM-DD; anything else is a usage error naming the option. */
  static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2026-11-01");
      }
    }
  }
}
