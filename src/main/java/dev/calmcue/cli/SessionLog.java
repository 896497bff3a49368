package dev.calmcue.cli;

import dev.calmcue.remote.SessionState;
import dev.calmcue.remote.SessionUpdate;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.text.TimeText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What {@code calmcue serve} writes about sessions (to the terminal, or the journal on a speaker
 * host): starts, steps, the end, and in text mode every cue with its time, since nothing is heard.
 */
final class SessionLog implements Consumer<SessionUpdate> {
  private final PrintWriter out;

  SessionLog(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void accept(SessionUpdate update) {
    SessionState s = update.state();
    String line = null;
    if (update.type() == SessionUpdate.Type.STARTED) {
      line = "session: " + s.routineId() + " started";
    } else if (update.event() instanceof SessionEvent.TextMode e) {
      line = "session: text mode (no sound): " + e.reason();
    } else if (update.event() instanceof SessionEvent.StepStarted e) {
      line = "session: step " + (e.index() + 1) + " of " + e.count() + ": " + e.title();
    } else if (update.event() instanceof SessionEvent.CueStarted e && s.textMode() != null) {
      line = "  [" + clock(e.cue().at()) + "] " + e.cue().text();
    } else if (update.event() instanceof SessionEvent.Stalled e) {
      line = "session: " + StallText.of(e);
    } else if (update.event() instanceof SessionEvent.PauseChanged e) {
      line = "session: " + (e.paused() ? "paused" : "resumed");
    } else if (update.event() instanceof SessionEvent.Ended e) {
      line =
          "session: ended "
              + e.outcome().ending().jsonName()
              + " after "
              + e.outcome().stepsCompleted()
              + " of "
              + s.stepCount()
              + " steps, "
              + clock(e.outcome().played())
              + " played";
    }
    if (line != null) {
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    }
  }

  static String clock(Duration d) {
    return TimeText.padded(d);
  }
}
