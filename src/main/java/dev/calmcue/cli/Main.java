package dev.calmcue.cli;

import dev.calmcue.files.BaseDirs;
import dev.calmcue.live.EarlyAudio;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // before anything else: the sound of a repeated 'play' starts while the rest is being prepared
    Optional<EarlyAudio> early = EarlyAudio.startFor(args);
    // Not System.out: a PrintStream swallows write errors (a full disk, a closed pipe).
    WatchedOutput stdout = new WatchedOutput(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(stdout.writer(), true);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    for (String w : BaseDirs.ofThisProcess().warnings()) {
      err.println("calmcue: warning: " + w); // e.g. a relative XDG_DATA_HOME, ignored
    }
    int code = run(out, err, early, stdout::failure, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line and returns its exit code (see {@link ExitCodes}); testable in-process.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Optional.empty(), () -> null, args);
  }

  /**
   * Runs one command line; {@code early} is the sound {@code main} started for a play. Output that
   * could not be written makes a successful command a failure of one line.
   *
   * @param writeFailure why writing {@code out} failed, if known (null otherwise)
   */
  static int run(
      PrintWriter out,
      PrintWriter err,
      Optional<EarlyAudio> early,
      Supplier<String> writeFailure,
      String... args) {
    // Times, counts and percentages in ASCII digits whatever the user's locale (an Arabic locale
    // would print Arabic-Indic digits): the texts around them are English anyway.
    Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
    CommandLine cl = CalmcueCommand.commandLine(early);
    if (helpAsked(args)) {
      CalmcueCommand.fitHelpToTerminal(cl); // costs a look at the terminal: only for help
    }
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    if (out.checkError()) { // flushes, then tells whether any write failed
      String why = writeFailure.get();
      err.println("calmcue: cannot write the output" + (why == null ? "" : ": " + why));
      err.flush();
      return code == ExitCodes.OK ? ExitCodes.RUNTIME : code;
    }
    return code;
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
