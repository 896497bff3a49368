package dev.calmcue.cli;

import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;

/** A speech engine that tells someone (a progress display) each time it hands out a clip. */
final class CountingSpeechEngine implements SpeechEngine {
  private final SpeechEngine inner;
  private final Runnable onClip;

  CountingSpeechEngine(SpeechEngine inner, Runnable onClip) {
    this.inner = inner;
    this.onClip = onClip;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public String voice() {
    return inner.voice();
  }

  @Override
  public int sampleRate() {
    return inner.sampleRate();
  }

  @Override
  public String settingsKey() {
    return inner.settingsKey();
  }

  @Override
  public Pcm synthesize(String text) {
    Pcm pcm = inner.synthesize(text);
    onClip.run();
    return pcm;
  }

  @Override
  public void close() {
    inner.close();
  }
}
