package dev.calmcue.cli;

import dev.calmcue.CalmcueException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line and an exit code. Known failures print their message; anything
 * else is a bug and says so. Stack traces only with {@code --debug}.
 */
final class ExceptionHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = CalmcueCommand.debugRequested(parsed);
    if (ex instanceof CalmcueException ce) {
      err.println("calmcue: " + ce.getMessage());
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return ce.kind() == CalmcueException.Kind.INPUT ? ExitCodes.USAGE : ExitCodes.RUNTIME;
    }
    err.println(
        "calmcue: internal error: "
            + ex
            + (debug ? "" : " (run again with --debug for details, and please report it)"));
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.RUNTIME;
  }
}
