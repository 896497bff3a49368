package dev.calmcue.session;

import dev.calmcue.audio.SampleTime;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.session.SessionSnapshot.Phase;
import java.time.Duration;

/** Makes the {@link SessionSnapshot} of one session from where it is heard now. */
final class Snapshots {
  private final Timeline timeline;
  private final StepMap steps;
  private final int rate;

  Snapshots(Timeline timeline, StepMap steps, int rate) {
    this.timeline = timeline;
    this.steps = steps;
    this.rate = rate;
  }

  /**
   * @param textMode why there is no sound, or null
   * @param outcome how it ended, or null while it runs
   */
  SessionSnapshot at(Phase phase, Hearing hearing, String textMode, SessionOutcome outcome) {
    long heardT = hearing.timelineSample();
    int step = steps.stepAt(heardT);
    String title;
    Duration stepElapsed = Duration.ZERO;
    Duration stepTotal = Duration.ZERO;
    if (step < 0) {
      title = "Getting ready";
    } else if (step >= steps.count()) {
      title = "Closing";
    } else {
      StepSpan span = steps.span(step);
      title = span.title();
      stepTotal = span.length();
      stepElapsed = SampleTime.durationOf(Math.max(0, heardT - steps.start(step)), rate);
    }
    return new SessionSnapshot(
        timeline.routineId(),
        timeline.title(),
        phase,
        step,
        steps.count(),
        title,
        SampleTime.durationOf(heardT, rate),
        timeline.total(),
        stepElapsed,
        stepTotal,
        hearing.speaking(),
        textMode,
        outcome,
        hearing.lastStep(),
        hearing.stepText(),
        hearing.lastCue());
  }
}
