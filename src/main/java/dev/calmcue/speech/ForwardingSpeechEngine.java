package dev.calmcue.speech;

import java.util.Objects;

/** A speech engine that hands every call to another one; subclasses change only what they add. */
public abstract class ForwardingSpeechEngine implements SpeechEngine {
  protected final SpeechEngine inner;

  protected ForwardingSpeechEngine(SpeechEngine inner) {
    this.inner = Objects.requireNonNull(inner);
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
    return inner.synthesize(text);
  }

  @Override
  public void close() {
    inner.close();
  }
}
