package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.AudioSink;
import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.session.TestSession.Onset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A suspend (SIGSTOP and SIGCONT, a lid closed and opened) on the virtual clock: the clock jumps
 * while nothing is heard. The cues missed meanwhile never come in a burst; the session goes on like
 * after a pause, with the current step's instruction.
 */
class SessionStallTest {
  private static final int PREROLL = 300;
  private static final String STEP_TWO = "Stroke from neck to bottom"; // 10_000..11_800 ms
  private final VirtualClock clock = new VirtualClock();
  private final List<SessionEvent> events = new ArrayList<>();
  private final TestSession s = TestSession.threeSteps();

  private SessionPlayer player(AudioSink sink) {
    SessionPlayer p =
        new SessionPlayer(
            s.timeline, s.sounds, s.audio, () -> sink, clock, TestSession.settings(PREROLL));
    p.addListener(events::add);
    return p;
  }

  /** What the parent hears when the machine stands still 12 s into the session, after STEP_TWO. */
  private static final List<String> HEARD_AFTER_A_STALL_IN_STEP_TWO =
      List.of(
          "Rest your hands on the back",
          "Breathe slowly",
          STEP_TWO,
          STEP_TWO, // said again after the stall, like after a pause
          "Keep it light",
          "Nice and slow",
          "Small circles beside the spine",
          "Well done. Cuddle time",
          "Now let your baby rest");

  @Test
  void aStall_onASoundCard_isNotMadeUpInABurst_theStepsInstructionIsSaidAgain() {
    FakeLineSink line =
        new FakeLineSink(clock, TestSession.RATE, 150).stallAt(PREROLL + 12_000, 20_000);
    SessionOutcome outcome = player(line).run();

    List<Onset> onsets = s.onsets(line.samples());
    assertEquals(HEARD_AFTER_A_STALL_IN_STEP_TWO, onsets.stream().map(Onset::text).toList());
    assertCuesKeepTheirPlannedSpacingAfter(3, onsets, line);
    // and the instruction comes as soon as the machine is back, not after the lost time
    long back = line.heardAt(onsets.get(3).sample()) - line.heardAt(onsets.get(2).sample());
    long planned = (12_000 - 10_000) * 1_000_000L;
    assertTrue(
        back >= planned + 19_000_000_000L && back <= planned + 20_500_000_000L, "" + back / 1e6);

    List<SessionEvent.Stalled> stalls = stalls();
    assertEquals(1, stalls.size(), "one stall reported");
    long gap = stalls.get(0).gap().toMillis();
    assertTrue(gap > 19_000 && gap <= 20_000, "the gap heard: " + gap + " ms");
    assertEquals(false, stalls.get(0).paused());
    assertEquals(Ending.COMPLETED, outcome.ending());
    assertEquals(3, outcome.stepsCompleted());
    SessionPlayerTest.assertNoClipResumesMidway(s, line.samples());
    assertCueEventsMatch(onsets);
  }

  @Test
  void aShortHiccup_isStillAnUnderrun_madeUpInTheNextSilence_noStall() {
    FakeLineSink line =
        new FakeLineSink(clock, TestSession.RATE, 150).stallAt(PREROLL + 6_000, 2_500);
    player(line).run();

    List<Onset> onsets = s.onsets(line.samples());
    assertEquals(s.timeline.cues().size(), onsets.size(), "no cue said again");
    assertEquals(List.of(), stalls());
    assertTrue(line.gapNanos > 2_000_000_000L, "the line ran dry: " + line.gapNanos);
  }

  @Test
  void aVeryLongStall_leavesTheSessionPaused_silent_untilTheParentResumes() {
    FakeLineSink line =
        new FakeLineSink(clock, TestSession.RATE, 150).stallAt(PREROLL + 12_000, 3_600_000);
    SessionPlayer p = player(line);
    long[] pausedAt = {-1};
    p.addListener(
        e -> {
          if (e instanceof SessionEvent.PauseChanged pc && pc.paused()) {
            pausedAt[0] = clock.nanoTime();
          }
          if (e instanceof SessionEvent.Progress
              && pausedAt[0] >= 0
              && clock.nanoTime() - pausedAt[0] >= 30_000_000_000L) {
            // the parent comes back half a minute later
            p.submit(Command.RESUME, ControlSource.PHONE);
            pausedAt[0] = Long.MAX_VALUE;
          }
        });
    SessionOutcome outcome = p.run();

    List<Onset> onsets = s.onsets(line.samples());
    assertEquals(HEARD_AFTER_A_STALL_IN_STEP_TWO, onsets.stream().map(Onset::text).toList());
    long silent = line.heardAt(onsets.get(3).sample()) - line.heardAt(onsets.get(2).sample());
    assertTrue(silent > 3_600_000_000_000L + 30_000_000_000L, "paused after the stall: " + silent);
    assertEquals(1, stalls().size());
    assertTrue(stalls().get(0).paused());
    assertEquals(Ending.COMPLETED, outcome.ending());
    assertCuesKeepTheirPlannedSpacingAfter(3, onsets, line);
  }

  @Test
  void aStall_inTextMode_doesNotCatchUp_itGoesOnFromTheStepsInstruction() {
    SessionPlayer p = s.withoutDevice(clock, TestSession.settings(PREROLL));
    List<String> heard = new ArrayList<>();
    List<Long> heardAt = new ArrayList<>();
    p.addListener(
        e -> {
          if (e instanceof SessionEvent.CueStarted cs) {
            heard.add(cs.cue().text());
            heardAt.add(clock.nanoTime());
          }
          if (e instanceof SessionEvent.Stalled st) {
            events.add(st);
          }
          if (e instanceof SessionEvent.Progress pr
              && pr.sessionElapsed().toMillis() >= 12_000
              && stalls().isEmpty()
              && heard.size() == 3) {
            clock.advance(Duration.ofSeconds(20)); // the process is stopped here
          }
        });
    SessionOutcome outcome = p.run();

    assertEquals(HEARD_AFTER_A_STALL_IN_STEP_TWO, heard);
    for (int i = 5; i < heard.size(); i++) { // after the repeated instruction, as planned
      long spacing = heardAt.get(i) - heardAt.get(i - 1);
      long planned = (s.at(heard.get(i)) - s.at(heard.get(i - 1))) * 1_000_000L;
      assertTrue(Math.abs(spacing - planned) <= 20_000_000L, heard.get(i) + ": " + spacing / 1e6);
    }
    assertEquals(1, stalls().size());
    assertEquals(Ending.COMPLETED, outcome.ending());
  }

  private List<SessionEvent.Stalled> stalls() {
    return events.stream()
        .filter(e -> e instanceof SessionEvent.Stalled)
        .map(e -> (SessionEvent.Stalled) e)
        .toList();
  }

  /** From onset {@code from} on, each cue is heard as far after the one before as planned. */
  private void assertCuesKeepTheirPlannedSpacingAfter(
      int from, List<Onset> onsets, FakeLineSink line) {
    for (int i = from + 1; i < onsets.size(); i++) {
      Onset o = onsets.get(i);
      Onset prev = onsets.get(i - 1);
      long spacing = line.heardAt(o.sample()) - line.heardAt(prev.sample());
      long planned = (s.at(o.text()) - s.at(prev.text())) * 1_000_000L;
      if (i == from + 1) {
        // the repeated instruction sits in front of the rest of the step
        planned = (s.at(o.text()) - s.at(STEP_TWO) - 2_000 + s.length(STEP_TWO)) * 1_000_000L;
        assertTrue(Math.abs(spacing - planned) <= 200_000_000L, o.text() + ": " + spacing / 1e6);
      } else {
        assertEquals(planned, spacing, o.text() + " keeps its planned place");
      }
    }
  }

  private void assertCueEventsMatch(List<Onset> onsets) {
    List<String> reported =
        events.stream()
            .filter(e -> e instanceof SessionEvent.CueStarted)
            .map(e -> ((SessionEvent.CueStarted) e).cue().text())
            .toList();
    assertEquals(onsets.stream().map(Onset::text).toList(), reported, "each reported once");
  }
}
