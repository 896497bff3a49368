package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    System.out.println("out: " + out + "\nerr: " + err); // shown by surefire when a test fails
    return code;
  }

  @Test
  void help_lists_the_options_and_examples() {
    assertEquals(0, run("serve", "--help"));
    String help = out.toString();
    for (String s : new String[] {"--bind", "--port", "--announce", "--text", "--show-link", "Examples:"}) {
      assertTrue(help.contains(s), s + " in " + help);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "--bind,no such host.invalid,--bind 'no such host.invalid'",
      "--bind,203.0.113.7,not an address of this machine",
      "--port,70000,--port 70000",
      "--speed,5,--speed only works with --text",
  })
  void a_bad_flag_is_one_line_and_exit_2(String flag, String value, String says) {
    assertEquals(2, run("serve", flag, value));
    String lines = err.toString().strip();
    assertTrue(lines.startsWith("calmcue: "), lines);
    assertTrue(lines.contains(says), lines);
    assertFalse(lines.contains("\n"), "one line: " + lines);
  }

  @Test
  void a_port_that_is_not_a_number_is_a_usage_error() {
    assertEquals(2, run("serve", "--port", "eighty"));
  }
}
