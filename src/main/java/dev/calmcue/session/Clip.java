package dev.calmcue.session;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import java.time.Duration;
import java.util.Optional;

/**
 * A sound played outside the timeline (preroll, a repeat, a closing); the timeline waits for it.
 * Written by the writer thread only; {@link #pos} is how much of it has been written.
 */
final class Clip {
  final short[] samples;

  /** Counts as time played (speech); preroll silence does not. */
  final boolean played;

  /** The cue it sounds, or null for silence. */
  final Cue cue;

  /** The step it starts again, or -1. */
  final int stepIndex;

  int pos;

  Clip(short[] samples, boolean played, Cue cue, int stepIndex) {
    this.samples = samples;
    this.played = played;
    this.cue = cue;
    this.stepIndex = stepIndex;
  }

  /** Silence before the first word, so a sleeping speaker is awake for it. */
  static Clip preroll(int samples) {
    return new Clip(new short[samples], false, null, -1);
  }

  boolean done() {
    return pos == samples.length;
  }

  /**
   * The current instruction again (or, before the steps, the last prelude cue started so far);
   * empty when there is nothing to say again, or the instruction has not been spoken yet and comes
   * next anyway.
   *
   * @param t the timeline read position
   */
  static Optional<Clip> sayAgain(TimelineAudio audio, StepMap steps, long t, boolean gateOpen) {
    int step = gateOpen ? steps.stepAt(t) : -1;
    int cueIndex = -1;
    if (steps.isStep(step)) {
      cueIndex = steps.instructionCue(step);
      if (cueIndex >= 0 && audio.startSample(cueIndex) >= t) {
        return Optional.empty();
      }
    } else if (step < 0) {
      long upTo = gateOpen ? t : Math.min(t, steps.gate() - 1);
      cueIndex = audio.firstCueAtOrAfter(upTo + 1) - 1;
    }
    if (cueIndex < 0) {
      return Optional.empty();
    }
    Cue cue = audio.cues().get(cueIndex);
    int again = steps.isStep(step) ? step : -1;
    return Optional.of(new Clip(audio.soundOf(cueIndex).samples(), true, cue, again));
  }

  /**
   * One of the {@link SessionPhrases} as closing words said from {@code at}; empty if unprepared.
   */
  static Optional<Clip> lastWords(CueSounds sounds, String phrase, Duration at) {
    return sounds
        .speechOf(phrase)
        .map(
            pcm ->
                new Clip(
                    pcm.samples(),
                    true,
                    new Cue(at, at.plus(pcm.duration()), CueKind.CLOSING, null, phrase),
                    -1));
  }
}
