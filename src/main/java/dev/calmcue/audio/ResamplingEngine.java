package dev.calmcue.audio;

import dev.calmcue.speech.ForwardingSpeechEngine;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;

/**
 * A speech engine whose clips come out at another sample rate: each clip is converted once with a
 * {@link Resampler}, so a session prepared with it places every cue at {@code round(at * rate)} of
 * the new rate (render's {@code --sample-rate}).
 */
public final class ResamplingEngine extends ForwardingSpeechEngine {
  private final Resampler resampler;

  public ResamplingEngine(SpeechEngine inner, int outRate) {
    super(inner);
    this.resampler = new Resampler(inner.sampleRate(), outRate);
  }

  /**
   * {@code engine} itself when it already speaks at {@code rate}, otherwise a resampling wrapper.
   */
  public static SpeechEngine at(SpeechEngine engine, int rate) {
    return engine.sampleRate() == rate ? engine : new ResamplingEngine(engine, rate);
  }

  @Override
  public int sampleRate() {
    return resampler.outRate();
  }

  @Override
  public String settingsKey() {
    return inner.settingsKey() + "@" + resampler.outRate() + "Hz";
  }

  @Override
  public Pcm synthesize(String text) {
    return resampler.apply(inner.synthesize(text));
  }
}
