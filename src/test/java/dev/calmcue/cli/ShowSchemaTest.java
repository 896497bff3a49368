package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** routines/schema.json sits beside the routines but is not one. */
class ShowSchemaTest {
  @Test
  void showSchema_isAnUnknownRoutine_notABrokenOne() {
    Cli.Result r = Cli.run("show", "schema");

    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("calmcue: unknown routine 'schema' (known: "), r::toString);
  }
}
