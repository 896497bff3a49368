package dev.calmcue.history;

import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionOutcome.Ending;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One session in history: what was planned, how it ended and how far it got.
 *
 * <p>A session whose process died (kill -9, power cut) has a start but no end record; it is read
 * back as {@link #interrupted} with ending {@code error}, reason {@value #INTERRUPTED} and no
 * {@link #finish()}, because how far it got is unknown.
 *
 * @param reason why it ended, in a few words ({@code q}, {@code Ctrl-C}, {@code audio device
 *     failed: ...}); null when nothing more than the ending is known
 * @param finish when it ended and how far it got; empty for an interrupted session
 */
public record HistoryRecord(
    int schemaVersion,
    String sessionId,
    String routineId,
    String routineTitle,
    OffsetDateTime start,
    Duration planned,
    int stepCount,
    RecordedSettings settings,
    Ending ending,
    String reason,
    Optional<Finish> finish) {

  /** The history file format this code writes. */
  public static final int SCHEMA_VERSION = 1;

  /** The reason given to a session that started but never recorded an end. */
  public static final String INTERRUPTED = "interrupted";

  /**
   * When a session ended and how far it got.
   *
   * @param played time actually spent playing, pauses excluded
   * @param stepsCompleted steps played to their end (a skipped step does not count)
   * @param stoppedBy where the command that stopped the session came from (keys, phone, voice,
   *     calmcue itself); empty when it ended by itself or nobody knows
   * @param stalls how often the session stood still because the machine was suspended (a lid closed
   *     and opened) and went on without the cues missed meanwhile
   */
  public record Finish(
      OffsetDateTime end,
      Duration played,
      int stepsCompleted,
      Optional<ControlSource> stoppedBy,
      int stalls) {
    public Finish {
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(played, "played");
      Objects.requireNonNull(stoppedBy, "stoppedBy");
      if (played.isNegative() || stepsCompleted < 0 || stalls < 0) {
        throw new IllegalArgumentException(
            "played, stepsCompleted and stalls must not be negative");
      }
    }

    /** A finish without stalls. */
    public Finish(
        OffsetDateTime end,
        Duration played,
        int stepsCompleted,
        Optional<ControlSource> stoppedBy) {
      this(end, played, stepsCompleted, stoppedBy, 0);
    }

    /** A finish nobody stopped (or whose stopper is unknown). */
    public Finish(OffsetDateTime end, Duration played, int stepsCompleted) {
      this(end, played, stepsCompleted, Optional.empty());
    }
  }

  /** Which control source stopped the session, if one did and it is known. */
  public Optional<ControlSource> stoppedBy() {
    return finish.flatMap(Finish::stoppedBy);
  }

  public HistoryRecord {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(routineId, "routineId");
    Objects.requireNonNull(routineTitle, "routineTitle");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(planned, "planned");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(ending, "ending");
    Objects.requireNonNull(finish, "finish");
    if (reason != null && reason.isBlank()) {
      reason = null;
    }
  }

  /** A session that ended and recorded how. */
  public static HistoryRecord finished(
      SessionStart s, Ending ending, String reason, Finish finish) {
    return of(s, ending, reason, Optional.of(finish));
  }

  /** A session that started but whose end was never written. */
  public static HistoryRecord interrupted(SessionStart s) {
    return of(s, Ending.ERROR, INTERRUPTED, Optional.empty());
  }

  private static HistoryRecord of(
      SessionStart s, Ending ending, String reason, Optional<Finish> finish) {
    return new HistoryRecord(
        SCHEMA_VERSION,
        s.sessionId(),
        s.routineId(),
        s.routineTitle(),
        s.start(),
        s.planned(),
        s.stepCount(),
        s.settings(),
        ending,
        reason,
        finish);
  }

  /** The start information this record carries. */
  public SessionStart sessionStart() {
    return new SessionStart(
        sessionId, routineId, routineTitle, start, planned, stepCount, settings);
  }

  /** True if the process died before the session could record its end. */
  public boolean isInterrupted() {
    return finish.isEmpty();
  }

  /** Slack for whole-second timestamps and a clock step: a real session is never this far over. */
  private static final Duration DEMO_SLACK = Duration.ofSeconds(5);

  /**
   * True if the record claims more playing time than passed on the wall clock between its start and
   * end: a demo on a fast clock ({@code --speed}), which older versions recorded. Such records are
   * not real sessions: they do not count for a streak, totals or {@code --prep-once-a-day}.
   */
  public boolean isDemo() {
    return finish
        .map(
            f -> {
              Duration wall = Duration.between(start, f.end());
              return f.played().compareTo(wall.plus(DEMO_SLACK).plus(wall.dividedBy(10))) > 0;
            })
        .orElse(false);
  }

  /** True if the session got past the ready question (every ending except no-start). */
  public boolean started() {
    return ending != Ending.NO_START;
  }

  /**
   * True if a session that started did not play to its end (stopped, fussy, error, interrupted).
   */
  public boolean endedEarly() {
    return started() && ending != Ending.COMPLETED;
  }
}
