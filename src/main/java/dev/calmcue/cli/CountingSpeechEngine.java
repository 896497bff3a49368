package dev.calmcue.cli;

import dev.calmcue.speech.ForwardingSpeechEngine;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;

/** A speech engine that tells someone (a progress display) each time it hands out a clip. */
final class CountingSpeechEngine extends ForwardingSpeechEngine {
  private final Runnable onClip;

  CountingSpeechEngine(SpeechEngine inner, Runnable onClip) {
    super(inner);
    this.onClip = onClip;
  }

  @Override
  public Pcm synthesize(String text) {
    Pcm pcm = inner.synthesize(text);
    onClip.run();
    return pcm;
  }
}
