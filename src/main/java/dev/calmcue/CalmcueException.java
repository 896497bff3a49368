package dev.calmcue;

/**
 * A failure the user can act on. Its message is one clear line (or one line per problem) and is
 * shown as is, without a stack trace; {@link Kind} decides the exit code at the command-line edge.
 */
public class CalmcueException extends RuntimeException {
  /** Whether the user gave something wrong (exit 2) or something failed while running (exit 1). */
  public enum Kind {
    INPUT,
    RUNTIME
  }

  private final Kind kind;

  public CalmcueException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CalmcueException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static CalmcueException input(String message) {
    return new CalmcueException(Kind.INPUT, message);
  }

  public static CalmcueException runtime(String message, Throwable cause) {
    return new CalmcueException(Kind.RUNTIME, message, cause);
  }
}
