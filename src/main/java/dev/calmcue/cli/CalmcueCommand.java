package dev.calmcue.cli;

import dev.calmcue.live.EarlyAudio;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The top-level {@code calmcue} command; it only groups the subcommands. */
@Command(
    name = "calmcue",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Voice-guided, hands-free baby massage sessions: every instruction and gentle prompt is"
          + " spoken on time, so both hands stay on the baby and your eyes never go to a screen."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue list                          routines you can play",
      "  calmcue play back-massage             start a spoken session",
      "  calmcue play back-massage --bedtime   slower, quieter, no chimes",
      "  calmcue render back-massage -o s.wav  the session as a sound file",
      "",
      "Exit codes: 0 ok, 1 runtime failure, 2 usage or input error, 130 stopped by Ctrl-C."
    },
    subcommands = {
      ListCommand.class,
      ShowCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      PlayCommand.class,
      RenderCommand.class,
      VoicesCommand.class,
      HistoryCommand.class,
      ServeCommand.class,
      MicCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CalmcueCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces for failures (for bug reports).")
  boolean debug;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    spec.commandLine().usage(out);
  }

  /** A configured command line for this program. */
  static CommandLine commandLine() {
    return commandLine(Optional.empty());
  }

  /** A configured command line whose {@code play} carries on the sound {@code main} started. */
  static CommandLine commandLine(Optional<EarlyAudio> early) {
    CommandLine cl = new CommandLine(new CalmcueCommand());
    ((PlayCommand) cl.getSubcommands().get("play").getCommand()).early = early;
    cl.setExecutionExceptionHandler(new ExceptionHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    if (Terminals.plain()) {
      cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }
    return cl;
  }

  /**
   * Makes help as wide as the terminal (picocli's own auto width gives up when output is not a
   * console), between picocli's minimum and a comfortable reading width.
   */
  static void fitHelpToTerminal(CommandLine cl) {
    Terminals.columns(System.getenv())
        .ifPresent(
            w -> cl.setUsageHelpWidth(Math.max(MIN_HELP_WIDTH, Math.min(MAX_HELP_WIDTH, w))));
  }

  private static final int MIN_HELP_WIDTH = 55;
  private static final int MAX_HELP_WIDTH = 120;

  static boolean debugRequested(ParseResult parsed) {
    for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
