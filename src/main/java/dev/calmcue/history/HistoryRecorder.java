package dev.calmcue.history;

import dev.calmcue.plan.Timeline;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionOutcome.Ending;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a session's history: a start record when created, an end record on {@link
 * SessionEvent.Ended}. Attach it to any player as an event listener.
 *
 * <p>History must never break a session: a failed write (disk full, read-only folder) is reported
 * as one line through the warning callback (once per session) and the session carries on.
 */
public final class HistoryRecorder implements Consumer<SessionEvent> {
  /** The reason recorded when the process ends (Ctrl-C, signal, exit) before the session did. */
  public static final String PROCESS_ENDED = "process ended before the session did";

  private final HistoryStore store;
  private final SessionStart start;
  private final Consumer<String> warnings;
  private final AutoCloseable running;
  private boolean ended;
  private Duration lastPlayed = Duration.ZERO;
  private int lastStepIndex = -1;
  private boolean switchedToText;
  private int stalls;
  private boolean warned;

  private HistoryRecorder(HistoryStore store, SessionStart start, Consumer<String> warnings) {
    this.store = store;
    this.start = start;
    this.warnings = warnings;
    this.running = store.holdRunning(start.sessionId());
  }

  /**
   * Starts recording a session now: writes its start record.
   *
   * @param warnings receives one line if a write fails, at most once (e.g. to print on stderr)
   */
  public static HistoryRecorder start(
      HistoryStore store, Timeline timeline, RecordedSettings settings, Consumer<String> warnings) {
    SessionStart start =
        new SessionStart(
            UUID.randomUUID().toString(),
            timeline.routineId(),
            timeline.title(),
            now(store),
            timeline.total(),
            timeline.steps().size(),
            settings);
    return start(store, start, warnings);
  }

  /** Starts recording a session described by {@code start}; writes its start record. */
  public static HistoryRecorder start(
      HistoryStore store, SessionStart start, Consumer<String> warnings) {
    Objects.requireNonNull(warnings, "warnings");
    HistoryRecorder r = new HistoryRecorder(store, start, warnings);
    try {
      store.appendStart(start);
    } catch (IOException | RuntimeException e) {
      r.warn(e);
    }
    return r;
  }

  public SessionStart sessionStart() {
    return start;
  }

  @Override
  public synchronized void accept(SessionEvent event) {
    if (ended) {
      return;
    }
    if (event instanceof SessionEvent.Progress p) {
      lastPlayed = p.sessionElapsed();
      lastStepIndex = Math.max(lastStepIndex, p.stepIndex());
    } else if (event instanceof SessionEvent.StepStarted s) {
      lastStepIndex = Math.max(lastStepIndex, s.index());
    } else if (event instanceof SessionEvent.Stalled) {
      stalls++;
    } else if (event instanceof SessionEvent.TextMode) {
      // The device went away mid-session: the end record says the session ended in text mode.
      switchedToText = true;
    } else if (event instanceof SessionEvent.Ended e) {
      SessionOutcome o = e.outcome();
      // A detail that only repeats the ending ("completed") adds nothing to the record.
      String reason = o.ending().jsonName().equalsIgnoreCase(o.detail()) ? null : o.detail();
      finish(o.ending(), reason, o.played(), o.stepsCompleted(), o.stoppedBy());
    }
  }

  /**
   * For a shutdown hook: if the session has not ended yet (Ctrl-C or a signal took the process
   * down), records it as stopped with how far it got as last reported. Does nothing after an end.
   */
  public synchronized void processEnding() {
    if (!ended) {
      // Steps before the one playing were passed (played or skipped): the best we know here.
      finish(
          Ending.STOPPED, PROCESS_ENDED, lastPlayed, Math.max(0, lastStepIndex), Optional.empty());
    }
  }

  /**
   * For the code driving the player: it failed before the session ended (a crash around the
   * player), so the session is recorded as an error with the failure's message and the progress
   * last reported. Does nothing after an end.
   */
  public synchronized void failed(Throwable cause) {
    if (!ended) {
      String why =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      finish(Ending.ERROR, why, lastPlayed, Math.max(0, lastStepIndex), Optional.empty());
    }
  }

  /** True once the end record was written (or its writing failed and was reported). */
  public synchronized boolean ended() {
    return ended;
  }

  private void finish(
      Ending ending,
      String reason,
      Duration played,
      int stepsCompleted,
      Optional<ControlSource> stoppedBy) {
    ended = true;
    try {
      HistoryRecord.Finish finish =
          new HistoryRecord.Finish(
              now(store),
              played == null || played.isNegative() ? Duration.ZERO : played,
              Math.max(0, stepsCompleted),
              stoppedBy,
              stalls);
      SessionStart s = start;
      if (switchedToText && !s.settings().textMode()) {
        s = s.withSettings(s.settings().withTextMode(true));
      }
      store.appendEnd(HistoryRecord.finished(s, ending, reason, finish));
    } catch (IOException | RuntimeException e) {
      warn(e);
    } finally {
      try {
        running.close();
      } catch (Exception e) {
        // Only the "still running" marker; the OS drops it when the process ends anyway.
      }
    }
  }

  /** One line per session at most: a parent at bedtime needs to know once, not twice. */
  private void warn(Exception e) {
    if (warned) {
      return;
    }
    warned = true;
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      why = fse.getReason();
    }
    try {
      warnings.accept("could not write session history to " + store.file() + ": " + why);
    } catch (RuntimeException ignored) {
      // A broken warning printer must not end the session either.
    }
  }

  private static OffsetDateTime now(HistoryStore store) {
    return OffsetDateTime.now(store.clock()).truncatedTo(ChronoUnit.SECONDS);
  }
}
