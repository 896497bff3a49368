package dev.calmcue.session;

import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import java.util.List;

/**
 * Where each step of a session starts and ends on its timeline, in samples, and the few places the
 * live player needs to find: the "Ready?" gate, the closing, a step's instruction. Immutable.
 */
final class StepMap {
  private final List<StepSpan> spans;
  private final long[] start;
  private final long[] end;
  private final int[] instruction;
  private final long gate;
  private final int closingCue;

  private StepMap(
      List<StepSpan> spans,
      long[] start,
      long[] end,
      int[] instruction,
      long gate,
      int closingCue) {
    this.spans = spans;
    this.start = start;
    this.end = end;
    this.instruction = instruction;
    this.gate = gate;
    this.closingCue = closingCue;
  }

  /** The map of {@code audio}'s timeline, at its sample rate. */
  static StepMap of(Timeline timeline, TimelineAudio audio) {
    int rate = audio.sampleRate();
    List<StepSpan> spans = List.copyOf(timeline.steps());
    int n = spans.size();
    long[] start = new long[n];
    long[] end = new long[n];
    int[] instruction = new int[n];
    for (int i = 0; i < n; i++) {
      start[i] = SampleTime.sampleAt(spans.get(i).start(), rate);
      end[i] = SampleTime.sampleAt(spans.get(i).end(), rate);
      instruction[i] = -1;
    }
    int closing = -1;
    boolean prelude = false;
    List<Cue> cues = audio.cues();
    for (int c = 0; c < cues.size(); c++) {
      Cue cue = cues.get(c);
      if (cue.kind() == CueKind.CLOSING && closing < 0) {
        closing = c;
      }
      // only a prelude that asks "Ready?" waits for an answer
      prelude |= cue.kind() == CueKind.READY && cue.at().compareTo(timeline.stepsStart()) < 0;
      if (cue.kind() == CueKind.INSTRUCTION) {
        for (int i = 0; i < n; i++) {
          if (instruction[i] < 0 && spans.get(i).id().equals(cue.stepId())) {
            instruction[i] = c;
          }
        }
      }
    }
    long gate = prelude ? SampleTime.sampleAt(timeline.stepsStart(), rate) : -1;
    return new StepMap(spans, start, end, instruction, gate, closing);
  }

  int count() {
    return start.length;
  }

  StepSpan span(int step) {
    return spans.get(step);
  }

  long start(int step) {
    return start[step];
  }

  long end(int step) {
    return end[step];
  }

  /**
   * 0-based step at timeline sample {@code t}: -1 before the steps, {@link #count()} after them.
   */
  int stepAt(long t) {
    int n = count();
    if (n == 0 || t < start[0]) {
      return -1;
    }
    if (t >= end[n - 1]) {
      return n;
    }
    int i = n - 1;
    while (i > 0 && start[i] > t) {
      i--;
    }
    return i;
  }

  /** True if {@code step} is one of the steps (not the prelude, not the closing). */
  boolean isStep(int step) {
    return step >= 0 && step < count();
  }

  /** Where "Ready?" is answered (the steps' start), or -1 when there is no question to wait on. */
  long gate() {
    return gate;
  }

  boolean hasGate() {
    return gate >= 0;
  }

  /** The first cue of the closing (it may be several cues), or -1. */
  int closingCue() {
    return closingCue;
  }

  /** The cue index of {@code step}'s instruction, or -1 if it has none. */
  int instructionCue(int step) {
    return instruction[step];
  }

  /** Where a step after {@code t} starts or ends, whichever is first; {@code limit} if none is. */
  long nextBoundaryAfter(long t, long limit) {
    long b = limit;
    for (int k = 0; k < count(); k++) {
      if (start[k] > t) {
        b = Math.min(b, start[k]);
      }
      if (end[k] > t) {
        b = Math.min(b, end[k]);
      }
    }
    return b;
  }

  /** Where the step after the one at {@code step} starts, or the end of the last step. */
  long afterStep(int step) {
    return step + 1 < count() ? start[step + 1] : end[count() - 1];
  }
}
