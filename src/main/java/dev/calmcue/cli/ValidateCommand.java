package dev.calmcue.cli;

import dev.calmcue.lint.SpeechLint;
import dev.calmcue.lint.SpeechWarning;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineException;
import dev.calmcue.routine.RoutineLoader;
import dev.calmcue.speech.SpeakingRate;
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
      "Check routine files against the routine format (docs/routine-format.md).",
      "Prints 'ok: FILE (N steps, M:SS)' on standard output for each valid file, and every problem",
      "of the others on standard error, one per line as FILE:LINE:COLUMN: PATH: MESSAGE.",
      "Exit code 0 if all files are valid, 2 if any is not.",
      "",
      "With --speech, also check each file for listenability and print warnings on standard error as",
      "FILE:LINE:COLUMN: PATH: warning: MESSAGE [RULE] (see 'Writing for the ear' in",
      "docs/routine-format.md). Warnings keep exit code 0, or make it 1 with --strict."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue validate routines/*.json",
      "  calmcue validate --speech --strict my-routine.json",
      "  calmcue validate --speech --rate 120 my-routine.json    (as played with --bedtime)",
      "  calmcue validate ~/.local/share/calmcue/routines/evening.json"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Routine files to check.")
  List<Path> files;

  @Option(names = "--speech", description = "Also check how the routine sounds: long or rushed cues,"
      + " sentences without a pause, words misheard by ear, digits, negative safety lines.")
  boolean speech;

  @Option(names = "--strict", description = "With --speech: exit 1 when there is any warning.")
  boolean strict;

  @Option(
      names = "--rate",
      paramLabel = "WPM",
      description = "With --speech: the speaking rate to time cues at (default: ${DEFAULT-VALUE},"
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
    for (Path file : files) {
      try {
        RoutineLoader.Located located = loader.loadLocated(file);
        Routine r = located.routine();
        int n = r.steps().size();
        out.printf("ok: %s (%d step%s, %s)%n", file, n, n == 1 ? "" : "s", ClockText.length(r.writtenLength()));
        if (speech) {
          List<SpeechWarning> found = lint.check(r, located.texts());
          found.forEach(w -> err.println(w.render(file)));
          warnings += found.size();
        }
      } catch (RoutineException e) {
        e.problems().forEach(p -> err.println(p.render()));
        invalid++;
      }
    }
    if (invalid > 0 && files.size() > 1) {
      err.printf("%d of %d files have problems%n", invalid, files.size());
    }
    if (warnings > 0) {
      err.printf("%d speech warning%s%n", warnings, warnings == 1 ? "" : "s");
    }
    out.flush();
    err.flush();
    if (invalid > 0) {
      return ExitCodes.USAGE;
    }
    return strict && warnings > 0 ? ExitCodes.RUNTIME : ExitCodes.OK;
  }
}
