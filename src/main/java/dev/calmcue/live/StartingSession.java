package dev.calmcue.live;

import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A served session before its player runs: commands held while it is prepared, and a stop or fussy
 * that abandons it so it never starts speaking.
 */
final class StartingSession {
  // Guarded by this.
  private final List<Sent> early = new ArrayList<>();

  /** A stop or fussy that came while the session was being prepared: it never starts speaking. */
  private Abandon abandon;

  private record Sent(Command command, ControlSource source) {}

  /** A new session is being started: nothing held, nothing abandoned. */
  synchronized void reset() {
    early.clear();
    abandon = null;
  }

  /** A command before the player runs: a stop or fussy abandons the start, others wait for it. */
  synchronized void hold(Command command, ControlSource source) {
    if (command == Command.STOP || command == Command.FUSSY) {
      abandonWith(command, source);
    } else {
      early.add(new Sent(command, source));
    }
  }

  /** The first stop or fussy while starting counts (a fussy baby is not overruled by a stop). */
  synchronized void abandonWith(Command command, ControlSource source) {
    if (abandon == null) {
      abandon = new Abandon(command, source);
    }
  }

  /** How the session ended when it was abandoned while being prepared; empty if it was not. */
  synchronized Optional<SessionOutcome> abandoned() {
    return abandon == null ? Optional.empty() : Optional.of(abandon.outcome());
  }

  /** Passes what came while starting to the session, now ready to play, and forgets it. */
  synchronized void handOver(LiveSession session) {
    if (abandon != null) {
      // came just now: the player acts on it before its first sound is heard
      session.submit(abandon.command(), abandon.source());
    }
    // Commands that came while the session was being prepared (a pause from the phone).
    early.forEach(c -> session.submit(c.command(), c.source()));
    early.clear();
  }

  /** {@code engine}, giving up with {@link Abandoned} between two texts once abandoned. */
  SpeechEngine abandonable(SpeechEngine engine) {
    return new Abandonable(engine);
  }

  /** A stop or fussy that ended a session while it was being prepared. */
  private record Abandon(Command command, ControlSource source) {
    SessionOutcome outcome() {
      boolean fussy = command == Command.FUSSY;
      return new SessionOutcome(
          fussy ? SessionOutcome.Ending.FUSSY : SessionOutcome.Ending.STOPPED,
          fussy ? "the baby was fussy" : "stopped before the session began",
          0,
          Duration.ZERO,
          Optional.of(source));
    }
  }

  /** Thrown out of the preparation once the session was abandoned: no more speech is made. */
  static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("abandoned while starting", null, false, false);
    }
  }

  /** The session's engine, giving up between two texts once the session was abandoned. */
  private final class Abandonable implements SpeechEngine {
    private final SpeechEngine engine;

    Abandonable(SpeechEngine engine) {
      this.engine = engine;
    }

    @Override
    public Pcm synthesize(String text) {
      synchronized (StartingSession.this) {
        if (abandon != null) {
          throw new Abandoned();
        }
      }
      return engine.synthesize(text);
    }

    @Override
    public String name() {
      return engine.name();
    }

    @Override
    public String voice() {
      return engine.voice();
    }

    @Override
    public int sampleRate() {
      return engine.sampleRate();
    }

    @Override
    public String settingsKey() {
      return engine.settingsKey();
    }

    @Override
    public void close() {
      // the caller closes the engine it opened
    }
  }
}
