package dev.calmcue.cli;

import dev.calmcue.speech.SpeechCache;
import dev.calmcue.speech.VoiceCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calmcue voices}: the speech engines and voices this machine can speak with. */
@Command(
    name = "voices",
    mixinStandardHelpOptions = true,
    description = {
      "Speech engines and voices: sample rate, and whether each works here.",
      "freetts (voice kevin16) is built in; espeak needs the espeak-ng program (apt-get install "
          + "espeak-ng) and offers several English accents.",
      "Also shows where spoken clips are cached (the second start speaks at once)."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue voices                               engines and voices",
      "  calmcue voices --json                        the same as JSON",
      "  calmcue play back-massage --engine espeak    speak with espeak-ng",
      "  calmcue play back-massage --rate 130         a slower pace (80-220 wpm)"
    })
final class VoicesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    var engines = VoiceCatalog.ofThisMachine().engines();
    SpeechCache cache = SpeechCache.atDefaultLocation();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? VoiceListing.json(engines, cache) : VoiceListing.table(engines, cache));
    out.flush();
    return ExitCodes.OK;
  }
}
