package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionStateTrackerTest {
  private final SessionStateTracker tracker = new SessionStateTracker();
  private final List<SessionUpdate> updates = new ArrayList<>();

  SessionStateTrackerTest() {
    tracker.subscribe(updates::add);
  }

  private static Cue cue(CueKind kind, String step, String text) {
    return new Cue(Duration.ZERO, Duration.ofSeconds(2), kind, step, text);
  }

  @Test
  void events_without_a_session_change_nothing() {
    tracker.accept(new SessionEvent.PauseChanged(true));
    assertEquals(Status.IDLE, tracker.state().status());
    assertEquals(List.of(), updates);
  }

  @Test
  void the_step_text_is_the_instruction_of_the_current_step_only() {
    tracker.started("r", "R", 2);
    tracker.accept(new SessionEvent.StepStarted(0, 2, "a", "First"));
    tracker.accept(new SessionEvent.CueStarted(cue(CueKind.INSTRUCTION, "a", "Do a.")));
    tracker.accept(new SessionEvent.CueStarted(cue(CueKind.PROMPT, "a", "Breathe.")));
    assertEquals("Do a.", tracker.state().stepText());
    assertEquals("Breathe.", tracker.state().lastCue().text());
    tracker.accept(new SessionEvent.StepStarted(1, 2, "b", "Second"));
    assertNull(tracker.state().stepText(), "no old text under the new title");
    tracker.accept(new SessionEvent.StepStarted(1, 2, "b", "Second"));
    tracker.accept(new SessionEvent.CueStarted(cue(CueKind.INSTRUCTION, "b", "Do b.")));
    assertEquals("Do b.", tracker.state().stepText());
  }

  @Test
  void pause_progress_and_ready_move_the_status() {
    tracker.started("r", "R", 2);
    assertEquals(Status.STARTING, tracker.state().status());
    tracker.accept(new SessionEvent.WaitingForReady(Duration.ofMinutes(1)));
    tracker.accept(
        new SessionEvent.Progress(
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            -1,
            Duration.ZERO,
            Duration.ZERO,
            false));
    assertEquals(
        Status.WAITING_FOR_READY,
        tracker.state().status(),
        "progress does not skip the ready gate");
    tracker.accept(new SessionEvent.StepStarted(0, 2, "a", "First"));
    assertEquals(Status.PLAYING, tracker.state().status());
    tracker.accept(new SessionEvent.PauseChanged(true));
    assertEquals(Status.PAUSED, tracker.state().status());
    tracker.accept(new SessionEvent.StepStarted(0, 2, "a", "First"));
    assertEquals(
        Status.PAUSED, tracker.state().status(), "a step event while paused keeps it paused");
    tracker.accept(new SessionEvent.PauseChanged(false));
    assertEquals(Status.PLAYING, tracker.state().status());
  }

  @Test
  void the_end_is_kept_until_the_next_start_and_late_events_are_ignored() {
    tracker.started("r", "R", 2);
    SessionOutcome outcome =
        new SessionOutcome(SessionOutcome.Ending.STOPPED, "x", 1, Duration.ofSeconds(9));
    tracker.accept(new SessionEvent.Ended(outcome));
    tracker.accept(new SessionEvent.PauseChanged(true));
    assertEquals(Status.ENDED, tracker.state().status());
    assertEquals(outcome, tracker.state().outcome());
    tracker.started("s", "S", 3);
    assertEquals(Status.STARTING, tracker.state().status());
    assertNull(tracker.state().outcome());
    assertEquals(
        List.of(SessionUpdate.Type.STARTED, SessionUpdate.Type.ENDED, SessionUpdate.Type.STARTED),
        updates.stream().map(SessionUpdate::type).toList());
  }
}
