package dev.calmcue.session;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.Timeline;
import dev.calmcue.plan.TimelinePlanner;
import dev.calmcue.routine.Routine;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import java.util.HashMap;
import java.util.Map;

/**
 * Plans a routine and synthesizes every cue, so {@code plan}, {@code play} and {@code render} speak
 * exactly the same cues. Each text is synthesized once (the planner needs its length, the session
 * its sound), on the calling thread.
 */
public final class SessionPreparer {
  private final SpeechEngine engine;

  public SessionPreparer(SpeechEngine engine) {
    this.engine = engine;
  }

  /** Only the plan; the speech made for the cue lengths stays in the engine's cache for later. */
  public Timeline plan(Routine routine, SessionSettings settings) {
    return new TimelinePlanner(text -> engine.synthesize(text).duration())
        .plan(routine, settings.plan());
  }

  public PreparedSession prepare(Routine routine, SessionSettings settings) {
    Map<String, Pcm> spoken = new HashMap<>();
    Timeline timeline =
        new TimelinePlanner(text -> speak(spoken, text).duration()).plan(routine, settings.plan());
    CueSounds sounds =
        CueSounds.prepare(
            timeline.cues(),
            SessionPhrases
                .ALL, // what the live player may say beyond the plan, ready like every cue
            text -> speak(spoken, text),
            engine.sampleRate(),
            new Volume(settings.volumePercent()));
    return new PreparedSession(
        routine, settings, timeline, sounds, new TimelineAudio(timeline, sounds));
  }

  private Pcm speak(Map<String, Pcm> memo, String text) {
    return memo.computeIfAbsent(text, engine::synthesize);
  }
}
