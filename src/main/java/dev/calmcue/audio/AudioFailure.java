package dev.calmcue.audio;

import dev.calmcue.CalmcueException;

/** The sound device could not be opened or stopped working. */
public final class AudioFailure extends CalmcueException {
  public AudioFailure(String message, Throwable cause) {
    super(Kind.RUNTIME, message, cause);
  }
}
