package dev.calmcue.speech;

import java.util.ArrayList;
import java.util.List;

/** A speech engine that "speaks" a tone 10 ms per character and records what it was asked. */
final class FakeEngine implements SpeechEngine {
  static final ResolvedVoice VOICE = new ResolvedVoice("fake", "tone", 150, 16_000);

  final List<String> spoken = new ArrayList<>();
  boolean closed;

  static Pcm soundOf(String text) {
    return new Pcm(16_000, Clips.tone(16_000, 10 * text.length(), -12, 200 + text.length()));
  }

  @Override
  public String name() {
    return VOICE.engine();
  }

  @Override
  public String voice() {
    return VOICE.voice();
  }

  @Override
  public int sampleRate() {
    return VOICE.sampleRate();
  }

  @Override
  public String settingsKey() {
    return VOICE.settingsKey();
  }

  @Override
  public Pcm synthesize(String text) {
    spoken.add(text);
    return soundOf(text);
  }

  @Override
  public void close() {
    closed = true;
  }
}
