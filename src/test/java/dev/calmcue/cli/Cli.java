package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

/** Runs calmcue in-process as a user would, and checks that no output ever shows a stack trace. */
final class Cli {
  private static final Pattern STACK_LINE = Pattern.compile("(?m)^[ \\t]+at [\\w.$]+\\(");

  private Cli() {}

  /** Exit code and both streams; {@code toString} shows them all for failure messages. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }

    java.util.List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    Result r = new Result(code, out.toString(), err.toString());
    assertFalse(r.out.contains("Exception") || r.err.contains("Exception"), r::toString);
    assertFalse(STACK_LINE.matcher(r.out + r.err).find(), r::toString);
    return r;
  }
}
