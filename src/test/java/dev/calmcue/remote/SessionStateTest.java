package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.remote.SessionState.Status;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionSnapshot;
import dev.calmcue.session.SessionSnapshot.Phase;
import dev.calmcue.session.TakenCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionStateTest {
  private static SessionSnapshot snapshot(Phase phase, SessionEvent.StepStarted last, int index) {
    Cue cue = new Cue(Duration.ofSeconds(40), Duration.ofSeconds(42), CueKind.CLOSING, null, "Bye");
    return new SessionSnapshot(
        "r",
        "Routine",
        phase,
        index,
        3,
        "Closing",
        Duration.ofSeconds(41),
        Duration.ofSeconds(45),
        Duration.ZERO,
        Duration.ZERO,
        "Bye",
        null,
        null,
        last,
        "Stroke.",
        cue,
        new TakenCommand(Command.NEXT, ControlSource.VOICE, 2));
  }

  @Test
  void theClosing_showsAsPlaying_onTheLastStepBegun() {
    SessionEvent.StepStarted last = new SessionEvent.StepStarted(2, 3, "circles", "Circles");
    SessionState s = SessionState.of(snapshot(Phase.ENDING, last, 3));
    assertEquals(Status.PLAYING, s.status());
    assertEquals(2, s.stepIndex());
    assertEquals("circles", s.stepId());
    assertEquals("Circles", s.stepTitle());
    assertEquals("Stroke.", s.stepText());
    assertEquals("Bye", s.lastCue().text());
    assertEquals(Duration.ofSeconds(41), s.elapsed());
    assertEquals(new TakenCommand(Command.NEXT, ControlSource.VOICE, 2), s.lastCommand());
  }

  @Test
  void beforeAnyStep_thereIsNoStep_andWaitingIsWaiting() {
    SessionState s = SessionState.of(snapshot(Phase.WAITING_FOR_READY, null, -1));
    assertEquals(Status.WAITING_FOR_READY, s.status());
    assertEquals(-1, s.stepIndex());
    assertNull(s.stepId());
  }
}
