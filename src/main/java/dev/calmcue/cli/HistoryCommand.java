package dev.calmcue.cli;

import dev.calmcue.CalmcueException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Not built yet.")
final class HistoryCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CalmcueException(CalmcueException.Kind.RUNTIME, "'history' is not built yet");
  }
}
