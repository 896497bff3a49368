package dev.calmcue.render;

import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake speech engine: every text becomes a 500 Hz cosine tone (so its first sample is loud) whose
 * length is known from the text: {@link #lengthOf}.
 */
final class ToneEngine implements SpeechEngine {
  final List<String> spoken = new ArrayList<>();
  private final int rate;

  ToneEngine(int rate) {
    this.rate = rate;
  }

  static int lengthOf(String text, int rate) {
    return rate / 10 + text.length() * (rate / 100);
  }

  @Override
  public String name() {
    return "tone";
  }

  @Override
  public String voice() {
    return "cosine";
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public String settingsKey() {
    return "tone";
  }

  @Override
  public Pcm synthesize(String text) {
    spoken.add(text);
    short[] s = new short[lengthOf(text, rate)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(8000 * Math.cos(2 * Math.PI * 500 * i / rate));
    }
    return new Pcm(rate, s);
  }

  @Override
  public void close() {}
}
