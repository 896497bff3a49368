package dev.calmcue.cli;

import dev.calmcue.files.BaseDirs;
import dev.calmcue.live.EarlyAudio;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // before anything else: the sound of a repeated 'play' starts while the rest is being prepared
    Optional<EarlyAudio> early = EarlyAudio.startFor(args);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    for (String w : BaseDirs.ofThisProcess().warnings()) {
      err.println("calmcue: warning: " + w); // e.g. a relative XDG_DATA_HOME, ignored
    }
    int code = run(out, err, early, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code (see {@link ExitCodes}); testable in-process. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Optional.empty(), args);
  }

  /** Runs one command line; {@code early} is the sound {@code main} started for a play. */
  static int run(PrintWriter out, PrintWriter err, Optional<EarlyAudio> early, String... args) {
    CommandLine cl = CalmcueCommand.commandLine(early);
    if (helpAsked(args)) {
      CalmcueCommand.fitHelpToTerminal(cl); // costs a look at the terminal: only for help
    }
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  private static boolean helpAsked(String... args) {
    if (args.length == 0) {
      return true;
    }
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("help")) {
        return true;
      }
    }
    return false;
  }
}
