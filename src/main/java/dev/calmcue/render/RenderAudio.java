package dev.calmcue.render;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.ResamplingEngine;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.speech.SpeechEngine;

/** The sound of a prepared session at the sample rate a render asks for. */
public final class RenderAudio {
  private RenderAudio() {}

  /**
   * The session's own audio when {@code rate} is the engine's, otherwise the same timeline with
   * every clip converted once to {@code rate} (chimes made at that rate): cue onsets stay at {@code
   * round(at * rate)}, and the timeline, planned at the engine's rate, stays exactly that of {@code
   * calmcue plan}. Speech comes from {@code engine} again, which is cheap: it remembers its clips.
   */
  public static TimelineAudio at(PreparedSession session, SpeechEngine engine, int rate) {
    if (rate == session.audio().sampleRate()) {
      return session.audio();
    }
    SpeechEngine converted = ResamplingEngine.at(engine, rate);
    CueSounds sounds =
        CueSounds.prepare(
            session.timeline().cues(),
            converted::synthesize,
            rate,
            new Volume(session.settings().volumePercent()));
    return new TimelineAudio(session.timeline(), sounds);
  }
}
