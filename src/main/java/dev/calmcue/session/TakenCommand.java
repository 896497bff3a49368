package dev.calmcue.session;

import java.util.Objects;

/**
 * A command the player took, with where it came from: so a display can say what was heard ("heard:
 * pause" on the phone for a spoken command).
 *
 * @param number counts the commands taken in this session, from 1: a display tells a new one from
 *     the one it already showed
 */
public record TakenCommand(Command command, ControlSource source, int number) {
  public TakenCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(source, "source");
  }
}
