package dev.calmcue.cli;

import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calmcue plan}: the timeline of cues, as a table or JSON. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show when every cue of a session is spoken, without playing it.",
    footer = {
      "",
      "Times are from the start of the session. A cue that would overlap a more important one is"
          + " moved, or dropped and listed at the end.",
      "",
      "Examples:",
      "  calmcue plan back-massage",
      "  calmcue plan back-massage --minutes 8 --json",
      "  calmcue plan ./my-routine.json --prep --bedtime"
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ROUTINE",
      completionCandidates = RoutineIds.class,
      description = "A routine id (see 'calmcue list') or a routine file.")
  String routine;

  @Mixin SessionOptions options;

  @Option(names = "--json", description = "Print the timeline as JSON (for scripts).")
  boolean json;

  @Override
  public Integer call() {
    // No controls, like 'render', so a plan is exactly what a rendered file says ('play' names the
    // keys or the phone in its prelude).
    SessionSettings settings = options.settings(false);
    try (SpeechEngine engine = SpeechEngines.open(settings.speech())) {
      Routine r = RoutineCatalog.standard().resolve(routine);
      Timeline t = new SessionPreparer(engine).plan(r, settings);
      spec.commandLine()
          .getOut()
          .print(json ? PlanReport.json(t, r) + System.lineSeparator() : PlanReport.table(t, r));
    }
    return ExitCodes.OK;
  }
}
