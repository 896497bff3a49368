package dev.calmcue.live;

import dev.calmcue.audio.AudioSink;
import dev.calmcue.history.HistoryRecorder;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.history.RecordedSettings;
import dev.calmcue.music.MusicMixer;
import dev.calmcue.plan.Control;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.Headstart;
import dev.calmcue.session.MonotonicClock;
import dev.calmcue.session.OutputMixer;
import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionPlayer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.session.SessionSnapshot;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One live session, the same for {@code play} and {@code serve}: a prepared session, its player and
 * its history recorder, run once. History is attached before anyone else listens, so whoever hears
 * "ended" finds the session already on record; a failure around the player is recorded as an error.
 * Every control source (keys, phone, voice) submits through {@link #submit}.
 */
public final class LiveSession {
  /**
   * What every live session needs from outside.
   *
   * @param warnings one line each for what the person should know (a history write failed)
   * @param problems a listener that threw (a broken display): reported once, the session goes on
   */
  public record Wiring(
      MonotonicClock clock,
      PlayerSettings player,
      HistoryStore history,
      Consumer<String> warnings,
      Consumer<Throwable> problems) {
    public Wiring {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(player, "player");
      Objects.requireNonNull(history, "history");
      Objects.requireNonNull(warnings, "warnings");
      Objects.requireNonNull(problems, "problems");
    }
  }

  private final PreparedSession prepared;
  private final SessionPlayer player;

  /** Null for a session that is not recorded (a fast clock). */
  private final HistoryRecorder recorder;

  private LiveSession(PreparedSession prepared, SessionPlayer player, HistoryRecorder recorder) {
    this.prepared = prepared;
    this.player = player;
    this.recorder = recorder;
  }

  /**
   * Makes the player for {@code prepared} and starts its history (the start record is written now).
   *
   * @param device opens the sound device; throws {@code AudioFailure} for text mode
   * @param textOnly the session was asked to run without sound (history says so from the start)
   */
  public static LiveSession start(
      PreparedSession prepared, Supplier<AudioSink> device, boolean textOnly, Wiring wiring) {
    SessionPlayer player = SessionPlayer.of(prepared, device, wiring.clock(), wiring.player());
    player.reportProblemsTo(wiring.problems());
    SessionSettings settings = prepared.settings();
    player.layUnder(
        MusicMixer.under(
            prepared.audio(),
            prepared.timeline(),
            prepared.routine(),
            settings.music(),
            settings.volumePercent(),
            settings.plan().controls().stream().anyMatch(Control::isSpoken)));
    if (wiring.player().textSpeed() != 1.0) {
      // A demo on a fast clock (--speed) is not a session a parent gave: never in history, where
      // it would count for streaks and --prep-once-a-day.
      return new LiveSession(prepared, player, null);
    }
    HistoryRecorder recorder =
        HistoryRecorder.start(
            wiring.history(),
            prepared.timeline(),
            RecordedSettings.of(prepared.settings(), textOnly),
            wiring.warnings());
    player.addListener(recorder);
    return new LiveSession(prepared, player, recorder);
  }

  public PreparedSession prepared() {
    return prepared;
  }

  /** See {@link SessionPlayer#continueAfter}. */
  public void continueAfter(Headstart headstart) {
    player.continueAfter(headstart);
  }

  /** Calls {@code listener} with every event, after history has seen it. */
  public void addListener(Consumer<SessionEvent> listener) {
    player.addListener(listener);
  }

  /** Mixes {@code mixer} into the session's sound; see {@link SessionPlayer#addMixer}. */
  public void addMixer(OutputMixer mixer) {
    player.addMixer(mixer);
  }

  /** The rate the session's sound is written at (what an {@link OutputMixer} mixes at). */
  public int sampleRate() {
    return player.sampleRate();
  }

  /** The one way in for every control source. */
  public void submit(Command command, ControlSource source) {
    player.submit(command, source);
  }

  /** Ends at once without the closing; see {@link SessionPlayer#cancel}. */
  public void cancel(String reason, ControlSource source) {
    player.cancel(reason, source);
  }

  public SessionSnapshot state() {
    return player.state();
  }

  /** Runs the player on this thread to its end. */
  public SessionOutcome run() {
    return run(SessionPlayer::run);
  }

  /**
   * Runs the session with {@code driver}, which must run the player to its end (the terminal runs
   * it on a writer thread of its own and reads keys meanwhile). A failure out of the driver is
   * recorded as an error and passed on; the player's own failure keeps its cause for --debug.
   */
  public <T> T run(Function<SessionPlayer, T> driver) {
    try {
      return driver.apply(player);
    } catch (RuntimeException | Error e) {
      if (recorder != null) {
        recorder.failed(e);
      }
      throw e;
    }
  }

  /** Why the session ended with an error, with its stack trace (for --debug); empty otherwise. */
  public Optional<Throwable> failure() {
    return player.failure();
  }

  /**
   * For a shutdown hook or a last {@code finally}: records the session as stopped by the process
   * ending if it has not ended yet; does nothing otherwise.
   */
  public void processEnding() {
    if (recorder != null) {
      recorder.processEnding();
    }
  }
}
