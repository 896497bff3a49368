package dev.calmcue.session;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.session.HeardEvents.Heard;
import dev.calmcue.session.SessionSnapshot.Phase;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the listener hears now: the timeline sample at the speaker, the words being spoken, the
 * steps completed. Moves on as the line reports output heard, hands the events due by then to the
 * listeners and sends progress about once a second. Writer thread only.
 */
final class Hearing {
  private final HeardEvents heard;
  private final OutputLedger ledger;
  private final Transport transport;
  private final Consumer<SessionEvent> emit;
  private final int rate;

  /** The timeline sample being heard now. */
  private long timelineSample;

  private int stepsCompleted;
  private long nextProgressOut;
  private String speaking = "";
  private long speakingUntilOut;
  private SessionEvent.StepStarted lastStep;
  private String stepText;
  private Cue lastCue;

  Hearing(
      HeardEvents heard,
      OutputLedger ledger,
      Transport transport,
      Consumer<SessionEvent> emit,
      int rate) {
    this.heard = heard;
    this.ledger = ledger;
    this.transport = transport;
    this.emit = emit;
    this.rate = rate;
  }

  long timelineSample() {
    return timelineSample;
  }

  int stepsCompleted() {
    return stepsCompleted;
  }

  /** The words being spoken now; empty when silent. */
  String speaking() {
    return speaking;
  }

  /** The last step heard to begin, or null before the first. */
  SessionEvent.StepStarted lastStep() {
    return lastStep;
  }

  /** The instruction of {@link #lastStep()} once heard, or null. */
  String stepText() {
    return stepText;
  }

  /** The cue heard to begin last, or null. */
  Cue lastCue() {
    return lastCue;
  }

  /** Whatever was being said was cut short. */
  void silenced() {
    speaking = "";
  }

  /**
   * Output samples up to {@code out} have been heard.
   *
   * @param t the timeline read position (heard once nothing unheard is left)
   * @param snapshot the session as heard now, for progress
   */
  void upTo(long out, long t, Supplier<SessionSnapshot> snapshot) {
    // where the speaker is first, so a snapshot taken for an event says where it happened
    timelineSample = ledger.heardAt(out, t);
    heard.heardUpTo(out, this::dispatch);
    if (!speaking.isEmpty() && out >= speakingUntilOut) {
      speaking = "";
    }
    if (out >= nextProgressOut && transport.phase() != Phase.STARTING) {
      nextProgressOut = out + rate;
      SessionSnapshot st = snapshot.get();
      emit.accept(
          new SessionEvent.Progress(
              st.sessionElapsed(),
              st.sessionTotal(),
              st.stepIndex(),
              st.stepElapsed(),
              st.stepTotal(),
              transport.phase() == Phase.PAUSED));
    }
  }

  /** The session is over: everything written has been heard, up to read position {@code t}. */
  void all(long t) {
    heard.all(this::dispatch);
    timelineSample = t;
  }

  private void dispatch(Heard what) {
    if (what instanceof HeardEvents.StepDone d) {
      if (!transport.skipped(d.step())) {
        stepsCompleted++;
      }
    } else if (what instanceof HeardEvents.Speaking s) {
      speaking = s.text();
      speakingUntilOut = s.untilOut();
    } else if (what instanceof HeardEvents.StepBegins s) {
      if (lastStep == null || lastStep.index() != s.event().index()) {
        stepText = null; // a new step: its instruction is not heard yet
      }
      lastStep = s.event();
      emit.accept(s.event());
    } else if (what instanceof HeardEvents.CueBegins c) {
      Cue cue = c.event().cue();
      lastCue = cue;
      if (cue.kind() == CueKind.INSTRUCTION
          && lastStep != null
          && Objects.equals(cue.stepId(), lastStep.stepId())) {
        stepText = cue.text();
      }
      emit.accept(c.event());
    } else if (what instanceof HeardEvents.WaitBegins w) {
      emit.accept(w.event());
    } else {
      throw new AssertionError(what);
    }
  }
}
