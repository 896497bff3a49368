package dev.calmcue.cli;

import dev.calmcue.CalmcueException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Not built yet.")
final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CalmcueException(CalmcueException.Kind.RUNTIME, "'validate' is not built yet");
  }
}
