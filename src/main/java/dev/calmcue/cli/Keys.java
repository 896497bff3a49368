package dev.calmcue.cli;

import dev.calmcue.session.Command;
import java.util.Optional;

/** The single keys that control a playing session (no Enter needed). */
final class Keys {
  static final String HELP =
      "keys: space pause/resume (or answer \"Ready?\") | n next step | r repeat | q stop | f fussy:"
          + " stop gently | ? keys";

  private Keys() {}

  /**
   * The command a key asks for; empty for unknown keys and for '?' (help is shown by the caller).
   */
  static Optional<Command> command(int key) {
    switch (key) {
      case ' ':
        return Optional.of(Command.TOGGLE_PAUSE);
      case '\r':
      case '\n':
        return Optional.of(Command.READY);
      case 'n':
      case 'N':
        return Optional.of(Command.NEXT);
      case 'r':
      case 'R':
        return Optional.of(Command.REPEAT);
      case 'q':
      case 'Q':
        return Optional.of(Command.STOP);
      case 'f':
      case 'F':
        return Optional.of(Command.FUSSY);
      default:
        return Optional.empty();
    }
  }

  static boolean isHelp(int key) {
    return key == '?' || key == 'h' || key == 'H';
  }
}
