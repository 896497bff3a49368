package dev.calmcue.history;

import dev.calmcue.session.SessionOutcome.Ending;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.OptionalDouble;

/** Builders of history records for tests. */
final class Sessions {
  private static int next;

  private Sessions() {}

  static RecordedSettings settings() {
    return new RecordedSettings(OptionalDouble.of(8), 150, 80, true, false, "freetts", false, true);
  }

  static SessionStart start(String routine, OffsetDateTime at) {
    return new SessionStart(
        "s" + (++next) + "-" + routine,
        routine,
        "Title of " + routine,
        at,
        Duration.ofMinutes(10),
        6,
        settings());
  }

  static HistoryRecord ended(String routine, OffsetDateTime at, Ending ending, String reason) {
    Duration played = ending == Ending.COMPLETED ? Duration.ofMinutes(10) : Duration.ofSeconds(185);
    int steps = ending == Ending.COMPLETED ? 6 : 2;
    if (ending == Ending.NO_START) {
      played = Duration.ZERO;
      steps = 0;
    }
    return HistoryRecord.finished(
        start(routine, at),
        ending,
        reason,
        new HistoryRecord.Finish(at.plus(played).plusSeconds(20), played, steps));
  }

  static HistoryRecord completed(String routine, OffsetDateTime at) {
    return ended(routine, at, Ending.COMPLETED, null);
  }
}
