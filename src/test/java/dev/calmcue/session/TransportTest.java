package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.session.SessionSnapshot.Phase;
import dev.calmcue.session.Transport.Boundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session's state machine on its own: a fake deck records the moves, no sound involved. */
class TransportTest {
  private static final long TIMEOUT = 5_000;

  /** Records moves; the read and heard positions are set by the test. */
  static final class FakeDeck implements Transport.Deck {
    final List<String> moves = new ArrayList<>();
    long read;
    long heard;

    @Override
    public long readPosition() {
      return read;
    }

    @Override
    public long heardPosition() {
      return heard;
    }

    @Override
    public void cutShort() {
      moves.add("cut");
    }

    @Override
    public void jumpTo(long t) {
      read = t;
      moves.add("jump " + t);
    }

    @Override
    public void sayAgain(boolean gateOpen) {
      moves.add("again");
    }

    @Override
    public void sayLast(String phrase) {
      moves.add("last " + phrase);
    }

    @Override
    public void pauseChanged(boolean paused) {
      moves.add(paused ? "paused" : "resumed");
    }
  }

  private final FakeDeck deck = new FakeDeck();

  private static Transport transport(TestSession s) {
    StepMap steps = StepMap.of(s.timeline, s.audio);
    long closing = s.audio.startSample(steps.closingCue());
    Transport t = new Transport(steps, s.audio.totalSamples(), closing, TIMEOUT);
    t.started();
    return t;
  }

  @Test
  void pauseCutsShort_resumeDropsTheSilenceQueuedWhilePaused_andSaysTheInstructionAgain() {
    Transport t = transport(TestSession.threeSteps());
    t.on(Command.TOGGLE_PAUSE, ControlSource.KEYBOARD, deck);
    assertEquals(Phase.PAUSED, t.phase());
    assertTrue(t.holdsSilence());
    t.on(Command.TOGGLE_PAUSE, ControlSource.PHONE, deck);
    assertEquals(Phase.PLAYING, t.phase());
    assertEquals(List.of("cut", "paused", "cut", "resumed", "again"), deck.moves);
  }

  @Test
  void resumeWhilePlaying_andPauseWhilePaused_doNothing() {
    Transport t = transport(TestSession.threeSteps());
    t.on(Command.RESUME, ControlSource.KEYBOARD, deck);
    t.on(Command.PAUSE, ControlSource.KEYBOARD, deck);
    t.on(Command.PAUSE, ControlSource.KEYBOARD, deck);
    assertEquals(List.of("cut", "paused"), deck.moves);
  }

  @Test
  void next_jumpsToTheNextStep_andTheSkippedStepDoesNotCount() {
    Transport t = transport(TestSession.threeSteps());
    deck.read = 12_000; // in step 2 (index 1)
    t.on(Command.NEXT, ControlSource.VOICE, deck);
    assertEquals(List.of("cut", "jump 20000"), deck.moves);
    assertTrue(t.skipped(1));
    assertFalse(t.skipped(0));
  }

  @Test
  void nextInTheClosing_hasNothingToSkipTo() {
    Transport t = transport(TestSession.threeSteps());
    deck.read = 30_500;
    t.on(Command.NEXT, ControlSource.KEYBOARD, deck);
    assertEquals(List.of("cut"), deck.moves);
  }

  @Test
  void repeat_saysItAgain_andWhilePausedIsAResume() {
    Transport t = transport(TestSession.threeSteps());
    t.on(Command.REPEAT, ControlSource.KEYBOARD, deck);
    assertEquals(List.of("cut", "again"), deck.moves);
    deck.moves.clear();
    t.on(Command.PAUSE, ControlSource.KEYBOARD, deck);
    t.on(Command.REPEAT, ControlSource.KEYBOARD, deck);
    assertEquals(List.of("cut", "paused", "cut", "resumed", "again"), deck.moves);
  }

  @Test
  void stopInTheSteps_playsTheRoutinesClosing_andRecordsWhoStopped() {
    TestSession s = TestSession.threeSteps();
    Transport t = transport(s);
    deck.read = 6_000;
    deck.heard = 5_000;
    t.on(Command.STOP, ControlSource.PHONE, deck);
    assertEquals(Phase.ENDING, t.phase());
    assertEquals(Ending.STOPPED, t.ending());
    assertEquals(Optional.of(ControlSource.PHONE), t.stoppedBy());
    assertEquals(List.of("cut", "jump " + s.audio.startSample(6)), deck.moves);
    assertTrue(t.timelineRuns(), "the closing is read from the timeline");
    assertEquals(Boundary.GO_ON, t.atBoundary(deck.read, 0));
    assertEquals(Boundary.FINISHED, t.atBoundary(s.audio.totalSamples(), 0));
  }

  @Test
  void commandsWhileEnding_areIgnored() {
    Transport t = transport(TestSession.threeSteps());
    deck.heard = 2_000;
    t.on(Command.FUSSY, ControlSource.VOICE, deck);
    assertEquals(List.of("cut", "last " + SessionPhrases.FUSSY_CLOSING), deck.moves);
    t.on(Command.STOP, ControlSource.KEYBOARD, deck);
    t.on(Command.NEXT, ControlSource.KEYBOARD, deck);
    assertEquals(2, deck.moves.size());
    assertEquals(Ending.FUSSY, t.ending());
    assertEquals(Optional.of(ControlSource.VOICE), t.stoppedBy());
  }

  @Test
  void theGate_waitsForReady_whichOpensIt() {
    TestSession s = TestSession.withPrelude();
    Transport t = transport(s);
    long gate = StepMap.of(s.timeline, s.audio).gate();
    assertEquals(gate, t.readLimit());
    assertEquals(Boundary.GO_ON, t.atBoundary(gate - 1, 100));
    assertEquals(Boundary.WAIT_FOR_READY, t.atBoundary(gate, 100));
    assertEquals(Phase.WAITING_FOR_READY, t.phase());
    t.on(Command.TOGGLE_PAUSE, ControlSource.KEYBOARD, deck); // space answers "Ready?"
    assertEquals(Phase.PLAYING, t.phase());
    assertTrue(t.gateOpen());
    assertEquals(s.audio.totalSamples(), t.readLimit());
    assertEquals(List.of(), deck.moves, "answered in time: nothing to cut");
  }

  @Test
  void readyBeforeTheQuestion_skipsTheRestOfThePrelude() {
    TestSession s = TestSession.withPrelude();
    Transport t = transport(s);
    deck.read = 1_000;
    t.on(Command.NEXT, ControlSource.KEYBOARD, deck);
    long gate = StepMap.of(s.timeline, s.audio).gate();
    assertEquals(List.of("cut", "jump " + gate), deck.moves);
    assertTrue(t.gateOpen());
  }

  @Test
  void stopBeforeTheSteps_endsWithoutTheClosing() {
    Transport t = transport(TestSession.withPrelude());
    deck.heard = 1_200;
    t.on(Command.STOP, ControlSource.KEYBOARD, deck);
    assertEquals(Ending.STOPPED, t.ending());
    assertEquals("stopped before the steps began", t.detail());
    assertFalse(t.timelineRuns());
    assertEquals(Boundary.FINISHED, t.atBoundary(0, 0));
  }

  @Test
  void stopBeforeAnythingWasHeard_endsInSilence_evenWhereTheStepsStartAtOnce() {
    Transport t = transport(TestSession.threeSteps());
    t.started();
    t.on(Command.STOP, ControlSource.PHONE, deck);
    assertEquals(Ending.STOPPED, t.ending());
    assertEquals("stopped before the session began", t.detail());
    assertEquals(Optional.of(ControlSource.PHONE), t.stoppedBy());
    assertEquals(List.of("cut"), deck.moves, "no closing");
    assertFalse(t.timelineRuns());
    assertEquals(Boundary.FINISHED, t.atBoundary(0, 0));
  }

  @Test
  void fussyBeforeAnythingWasHeard_endsFussy_withoutWords() {
    Transport t = transport(TestSession.threeSteps());
    t.started();
    t.on(Command.FUSSY, ControlSource.PHONE, deck);
    assertEquals(Ending.FUSSY, t.ending());
    assertEquals(List.of("cut"), deck.moves);
  }

  @Test
  void aStallWhilePlaying_cutsAndSaysTheInstructionAgain_orPausesWhenLong() {
    Transport t = transport(TestSession.threeSteps());
    t.started();
    deck.heard = 12_000;
    assertFalse(t.stalled(false, deck));
    assertEquals(List.of("cut", "again"), deck.moves);
    assertEquals(Phase.PLAYING, t.phase());
    deck.moves.clear();
    assertTrue(t.stalled(true, deck));
    assertEquals(List.of("cut", "paused"), deck.moves);
    assertEquals(Phase.PAUSED, t.phase());
    deck.moves.clear();
    assertTrue(t.stalled(false, deck), "still paused");
    assertEquals(List.of(), deck.moves, "silence goes on as it was");
  }

  @Test
  void nobodyAnswers_endsAsNoStart_afterTheTimeout_withNoSource() {
    TestSession s = TestSession.withPrelude();
    Transport t = transport(s);
    t.atBoundary(StepMap.of(s.timeline, s.audio).gate(), 1_000);
    t.checkReadyTimeout(1_000 + TIMEOUT - 1, deck);
    assertEquals(Phase.WAITING_FOR_READY, t.phase());
    t.checkReadyTimeout(1_000 + TIMEOUT, deck);
    assertEquals(Ending.NO_START, t.ending());
    assertEquals(Optional.empty(), t.stoppedBy());
    assertEquals(List.of("cut", "last " + SessionPhrases.NO_START), deck.moves);
  }

  @Test
  void theEndOfTheTimeline_completes() {
    TestSession s = TestSession.threeSteps();
    Transport t = transport(s);
    assertEquals(Boundary.FINISHED, t.atBoundary(s.audio.totalSamples(), 0));
    assertEquals(Ending.COMPLETED, t.ending());
    assertEquals(Optional.empty(), t.stoppedBy());
  }

  @Test
  void cancel_stopsWithTheReasonAndSource() {
    Transport t = transport(TestSession.threeSteps());
    t.cancel("interrupted (Ctrl-C)", ControlSource.KEYBOARD);
    assertEquals(Ending.STOPPED, t.ending());
    assertEquals("interrupted (Ctrl-C)", t.detail());
    assertEquals(Optional.of(ControlSource.KEYBOARD), t.stoppedBy());
  }
}
