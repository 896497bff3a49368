package dev.calmcue.session;

import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.session.SessionSnapshot.Phase;
import java.util.Optional;

/**
 * The session's state machine: its phase, the "Ready?" gate, and what pause, next, repeat, stop and
 * fussy mean at each point, turned into moves of a {@link Deck}. Knows nothing of sound: the player
 * is the deck, tests use a fake one. Writer thread only.
 */
final class Transport {
  /** What the transport moves: the writer's read position on the timeline and the line. */
  interface Deck {
    /** The next timeline sample to write. */
    long readPosition();

    /** The timeline sample being heard now. */
    long heardPosition();

    /** Stops what sounds: drops the unheard output and rewinds to what was heard; no clips left. */
    void cutShort();

    /** Goes on reading the timeline from sample {@code t} (a cue sounding there is muted). */
    void jumpTo(long t);

    /** Says the current instruction (or, before the steps, the last prelude cue) again. */
    void sayAgain(boolean gateOpen);

    /**
     * Says one of the {@link SessionPhrases} as the last words (nothing if it was not prepared).
     */
    void sayLast(String phrase);

    /** Pause began or ended; heard at once, since the buffer was dropped. */
    void pauseChanged(boolean paused);
  }

  /** What the writer does when nothing is queued to play ahead of the timeline. */
  enum Boundary {
    /** Go on writing. */
    GO_ON,
    /** The prelude is over: start waiting for "Ready?" (report it when heard), writing silence. */
    WAIT_FOR_READY,
    /** The session is over: let the last sound play out. */
    FINISHED
  }

  private final StepMap steps;
  private final long total;
  private final long closingStart;
  private final long readyTimeout;
  private final boolean[] skipped;
  private Phase phase = Phase.STARTING;
  private boolean gateOpen;
  private long waitStart;

  /** Ending with the rest of the timeline (the routine's closing) rather than with a clip. */
  private boolean closingOnTimeline;

  private Ending ending;
  private String detail;
  private Optional<ControlSource> stoppedBy = Optional.empty();

  /**
   * @param total the timeline's length in samples
   * @param closingStart where the routine's closing starts, or -1 if it has none
   * @param readyTimeout how long to wait for "Ready?" to be answered, in output samples
   */
  Transport(StepMap steps, long total, long closingStart, long readyTimeout) {
    this.steps = steps;
    this.total = total;
    this.closingStart = closingStart;
    this.readyTimeout = readyTimeout;
    this.skipped = new boolean[steps.count()];
    this.gateOpen = !steps.hasGate();
  }

  Phase phase() {
    return phase;
  }

  boolean gateOpen() {
    return gateOpen;
  }

  /** The sound is on: the session plays. */
  void started() {
    phase = Phase.PLAYING;
  }

  /** The session is over and its outcome known. */
  void ended() {
    phase = Phase.ENDED;
  }

  /** True if the timeline is read now (playing, or speaking the routine's own closing). */
  boolean timelineRuns() {
    return phase == Phase.PLAYING || (phase == Phase.ENDING && closingOnTimeline);
  }

  /** True while only silence is written (paused, or waiting for "Ready?"). */
  boolean holdsSilence() {
    return phase == Phase.PAUSED || phase == Phase.WAITING_FOR_READY;
  }

  /** How far the timeline may be read now: its end, or the gate while "Ready?" is unanswered. */
  long readLimit() {
    return gateOpen ? total : steps.gate();
  }

  /** True if {@code step} was skipped with next (it does not count as completed). */
  boolean skipped(int step) {
    return skipped[step];
  }

  Ending ending() {
    return ending;
  }

  String detail() {
    return detail;
  }

  Optional<ControlSource> stoppedBy() {
    return stoppedBy;
  }

  /** Acts on {@code command} from {@code source}. */
  void on(Command command, ControlSource source, Deck deck) {
    if (phase == Phase.ENDING) {
      return; // already closing: the closing is spoken to its end
    }
    switch (command) {
      case TOGGLE_PAUSE:
        if (phase == Phase.WAITING_FOR_READY) {
          ready(deck);
        } else if (phase == Phase.PAUSED) {
          resume(deck);
        } else {
          pause(deck);
        }
        break;
      case PAUSE:
        pause(deck);
        break;
      case RESUME:
        if (phase == Phase.PAUSED) {
          resume(deck);
        }
        break;
      case READY:
        ready(deck);
        break;
      case NEXT:
        next(deck);
        break;
      case REPEAT:
        repeat(deck);
        break;
      case STOP:
        stop(source, deck);
        break;
      case FUSSY:
        fussy(source, deck);
        break;
      default:
        throw new AssertionError(command);
    }
  }

  /**
   * Gives up on "Ready?" once nobody answered for the timeout; {@code written} is the output clock.
   */
  void checkReadyTimeout(long written, Deck deck) {
    if (phase == Phase.WAITING_FOR_READY && written - waitStart >= readyTimeout) {
      end(Ending.NO_START, "nobody answered \"Ready?\"", Optional.empty(), deck);
      deck.sayLast(SessionPhrases.NO_START);
    }
  }

  /**
   * What to do when nothing is queued ahead of the timeline.
   *
   * @param t the timeline read position
   * @param written the output clock
   */
  Boundary atBoundary(long t, long written) {
    if (phase == Phase.ENDING) {
      return closingOnTimeline && t < total ? Boundary.GO_ON : Boundary.FINISHED;
    }
    if (phase == Phase.PLAYING && !gateOpen && t >= steps.gate()) {
      phase = Phase.WAITING_FOR_READY;
      waitStart = written;
      return Boundary.WAIT_FOR_READY;
    }
    if (phase == Phase.PLAYING && t >= total) {
      ending = Ending.COMPLETED;
      detail = "completed";
      return Boundary.FINISHED;
    }
    return Boundary.GO_ON;
  }

  /**
   * The session stood still (a suspend) while playing: like a pause and a resume, what sounded is
   * cut and the current step's instruction (before the steps, the last prelude cue) is said again;
   * with {@code stayPaused} the session pauses instead. Silence (paused, waiting for "Ready?") and
   * the closing simply go on from where they stood.
   *
   * @return true if the session is paused now
   */
  boolean stalled(boolean stayPaused, Deck deck) {
    if (phase != Phase.PLAYING) {
      return phase == Phase.PAUSED;
    }
    deck.cutShort();
    if (stayPaused) {
      setPaused(true, deck);
      return true;
    }
    deck.sayAgain(gateOpen);
    return false;
  }

  /** Ends at once without the closing (Ctrl-C, shutdown); the deck was already cut short. */
  void cancel(String reason, ControlSource source) {
    ending = Ending.STOPPED;
    detail = reason;
    stoppedBy = Optional.of(source);
  }

  /** Ends with an error the player could not absorb. */
  void failed(String reason) {
    ending = Ending.ERROR;
    detail = reason;
    stoppedBy = Optional.empty();
  }

  private void pause(Deck deck) {
    if (phase != Phase.PLAYING) {
      return;
    }
    deck.cutShort();
    setPaused(true, deck);
  }

  private void resume(Deck deck) {
    // drop the silence queued while paused, so the instruction (and a voice command's blip) is
    // heard now, not after the line's buffer (measured: about 170 ms later)
    deck.cutShort();
    setPaused(false, deck);
    deck.sayAgain(gateOpen);
  }

  private void setPaused(boolean paused, Deck deck) {
    phase = paused ? Phase.PAUSED : Phase.PLAYING;
    deck.pauseChanged(paused);
  }

  private void ready(Deck deck) {
    if (gateOpen) {
      return;
    }
    if (phase == Phase.WAITING_FOR_READY) {
      gateOpen = true;
      phase = Phase.PLAYING;
      return;
    }
    // answered before the question: skip the rest of the prelude
    if (phase == Phase.PAUSED) {
      setPaused(false, deck);
    }
    deck.cutShort();
    gateOpen = true;
    deck.jumpTo(steps.gate());
  }

  private void next(Deck deck) {
    if (phase == Phase.WAITING_FOR_READY || (!gateOpen && deck.readPosition() < steps.gate())) {
      ready(deck);
      return;
    }
    deck.cutShort();
    int step = steps.stepAt(deck.readPosition());
    if (step >= steps.count()) {
      return; // the closing: nothing to skip to
    }
    if (phase == Phase.PAUSED) {
      setPaused(false, deck);
    }
    if (step >= 0) {
      skipped[step] = true;
    }
    deck.jumpTo(steps.afterStep(step));
  }

  private void repeat(Deck deck) {
    if (phase == Phase.PAUSED) {
      resume(deck);
      return;
    }
    // while "Ready?" waits this says the question again
    deck.cutShort();
    deck.sayAgain(gateOpen);
  }

  private void stop(ControlSource source, Deck deck) {
    if (!begun(deck)) {
      // sent while the session was starting: it never speaks, not even the closing
      if (phase == Phase.PAUSED) {
        setPaused(false, deck);
      }
      end(Ending.STOPPED, "stopped before the session began", Optional.of(source), deck);
      return;
    }
    boolean inSteps = gateOpen && steps.stepAt(deck.heardPosition()) < steps.count();
    if (gateOpen && !inSteps) {
      return; // the closing is already being spoken
    }
    if (phase == Phase.PAUSED) {
      setPaused(false, deck);
    }
    if (inSteps && closingStart >= 0) {
      end(Ending.STOPPED, "stopped", Optional.of(source), deck);
      // the routine's closing as planned, from its first cue to the end of the timeline
      closingOnTimeline = true;
      deck.jumpTo(Math.max(deck.readPosition(), closingStart));
    } else {
      end(Ending.STOPPED, "stopped before the steps began", Optional.of(source), deck);
    }
  }

  private void fussy(ControlSource source, Deck deck) {
    if (phase == Phase.PAUSED) {
      setPaused(false, deck);
    }
    boolean begun = begun(deck);
    end(Ending.FUSSY, "the baby was fussy", Optional.of(source), deck);
    if (begun) {
      deck.sayLast(SessionPhrases.FUSSY_CLOSING);
    }
  }

  /** True once anything of the timeline was heard; before, the session is still starting. */
  private static boolean begun(Deck deck) {
    return deck.heardPosition() > 0;
  }

  private void end(Ending e, String why, Optional<ControlSource> by, Deck deck) {
    deck.cutShort();
    ending = e;
    detail = why;
    stoppedBy = by;
    phase = Phase.ENDING;
  }
}
