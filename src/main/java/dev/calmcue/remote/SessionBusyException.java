package dev.calmcue.remote;

/** A session was asked to start while another one holds the player. */
public final class SessionBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SessionBusyException(String message) {
    super(message);
  }
}
