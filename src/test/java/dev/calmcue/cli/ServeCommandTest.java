package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServeCommandTest {
  @Test
  void help_lists_the_options_and_examples() {
    Cli.Result r = Cli.run("serve", "--help");
    assertEquals(0, r.code(), r::toString);
    for (String s :
        new String[] {
          "--bind",
          "--port",
          "--announce",
          "--text",
          "--show-link",
          "Examples:",
          "docs/speaker-host.md"
        }) {
      assertTrue(r.out().contains(s), s + " in " + r);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "--bind,no such host.invalid,--bind 'no such host.invalid'",
    "--bind,203.0.113.7,not an address of this machine",
    "--port,70000,--port 70000",
    "--port,eighty,--port",
    "--speed,5,--speed only works with --text",
  })
  void a_bad_flag_is_one_line_and_exit_2(String flag, String value, String says) {
    Cli.Result r = Cli.run("serve", flag, value);
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.errLines().get(0).startsWith("calmcue: "), r::toString);
    assertTrue(r.errLines().get(0).contains(says), r::toString);
  }

  @Test
  void show_link_with_port_0_is_refused_rather_than_printing_a_link_to_port_0() {
    Cli.Result r = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0", "--show-link");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("--show-link --port 0"), r::toString);
    assertEquals("", r.out(), r::toString);
  }
}
