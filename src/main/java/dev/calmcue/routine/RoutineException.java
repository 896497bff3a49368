package dev.calmcue.routine;

import dev.calmcue.CalmcueException;
import java.util.List;
import java.util.stream.Collectors;

/** A routine could not be read or is not valid; carries every problem found. */
public final class RoutineException extends CalmcueException {
  private final List<Problem> problems;

  public RoutineException(List<Problem> problems) {
    super(Kind.INPUT, problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
