package dev.calmcue.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Speaks a text sentence by sentence with a short breath between sentences. Engines run sentences
 * together with barely a pause (about 60 ms in FreeTTS), which a tired listener cannot follow; a
 * breath of 350 ms lets each instruction land. The breath is part of the clip, so every cue length
 * (and so the plan) includes it.
 */
public final class SentencePacedEngine extends ForwardingSpeechEngine {
  /** Silence between two sentences of one text. */
  public static final Duration BREATH = Duration.ofMillis(350);

  /** How clips are joined, for the cache key: a change here must not reuse old clips. */
  static final String PACING = "breath350ms";

  // A sentence ends at . ! or ? (and any closing quote) followed by white space.
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"')\u201D\u2019]?)\\s+");

  public SentencePacedEngine(SpeechEngine inner) {
    super(inner);
  }

  /** The sentences of {@code text}, in order, without surrounding white space. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text.strip())) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  @Override
  public Pcm synthesize(String text) {
    List<String> sentences = sentences(text);
    if (sentences.size() <= 1) {
      return inner.synthesize(text);
    }
    int breath = (int) Math.round(BREATH.toNanos() * inner.sampleRate() / 1e9);
    List<short[]> parts = new ArrayList<>();
    int total = 0;
    for (String s : sentences) {
      Pcm pcm = inner.synthesize(s);
      if (pcm.sampleRate() != inner.sampleRate()) {
        throw new IllegalStateException(
            inner.name() + " made " + pcm.sampleRate() + " Hz, expected " + inner.sampleRate());
      }
      if (pcm.length() == 0) {
        continue;
      }
      total += (parts.isEmpty() ? 0 : breath) + pcm.length();
      parts.add(pcm.samples());
    }
    short[] joined = new short[total];
    int at = 0;
    for (short[] p : parts) {
      if (at > 0) {
        at += breath; // already silent: a new array is zero-filled
      }
      System.arraycopy(p, 0, joined, at, p.length);
      at += p.length;
    }
    return new Pcm(inner.sampleRate(), joined);
  }
}
