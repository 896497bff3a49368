package dev.calmcue.session;

import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.StepSpan;
import java.util.List;

/**
 * Works out what will be heard in sound about to be written, and when, into {@link HeardEvents}.
 */
final class CueSchedule {
  private final TimelineAudio audio;
  private final StepMap steps;
  private final HeardEvents heard;

  CueSchedule(TimelineAudio audio, StepMap steps, HeardEvents heard) {
    this.audio = audio;
    this.steps = steps;
    this.heard = heard;
  }

  /**
   * {@code n} samples of the timeline from {@code t} are written at output sample {@code out}: the
   * cues (unless muted) and step boundaries in them.
   */
  void timeline(long t, int n, long out, Mute mute) {
    long end = t + n;
    List<Cue> cues = audio.cues();
    for (int i = audio.firstCueAtOrAfter(t); i < cues.size() && audio.startSample(i) < end; i++) {
      long s = audio.startSample(i);
      if (mute.covers(s)) {
        continue;
      }
      Cue cue = cues.get(i);
      heard.at(out + s - t, new HeardEvents.Speaking(cue.text(), out + audio.endSample(i) - t));
      heard.at(out + s - t, new HeardEvents.CueBegins(new SessionEvent.CueStarted(cue)));
    }
    for (int i = 0; i < steps.count(); i++) {
      if (steps.end(i) > t && steps.end(i) <= end) {
        heard.at(out + steps.end(i) - t, new HeardEvents.StepDone(i));
      }
      if (steps.start(i) >= t && steps.start(i) < end) {
        heard.at(out + steps.start(i) - t, stepBegins(i));
      }
    }
  }

  /** {@code clip} starts to be written at output sample {@code out}. */
  void clipStarts(Clip clip, long out) {
    if (clip.stepIndex >= 0) {
      heard.at(out, stepBegins(clip.stepIndex));
    }
    if (clip.cue != null) {
      heard.at(out, new HeardEvents.Speaking(clip.cue.text(), out + clip.samples.length));
      heard.at(out, new HeardEvents.CueBegins(new SessionEvent.CueStarted(clip.cue)));
    }
  }

  private HeardEvents.StepBegins stepBegins(int i) {
    StepSpan span = steps.span(i);
    return new HeardEvents.StepBegins(
        new SessionEvent.StepStarted(i, steps.count(), span.id(), span.title()));
  }

  /**
   * How many samples of the timeline from {@code t} are silence that can be left out (underrun
   * make-up) without moving a cue or a step boundary: up to one sample before the next of them, or
   * before {@code limit}; 0 while a cue sounds.
   */
  long quietAhead(long t, long limit, Mute mute) {
    int i = audio.firstCueAtOrAfter(t);
    boolean sounding = i > 0 && audio.endSample(i - 1) > t && !mute.covers(t);
    if (sounding) {
      return 0;
    }
    long boundary = i < audio.cues().size() ? audio.startSample(i) : audio.totalSamples();
    boundary = steps.nextBoundaryAfter(t, Math.min(boundary, limit));
    // keep one sample before the boundary, so its events are scheduled as usual
    return Math.max(0, boundary - t - 1);
  }
}
