package dev.calmcue.audio;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.speech.Pcm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sound of every cue of a session, ready in memory before playing starts: speech for spoken
 * cues, the chime for chimes, volume applied once.
 */
public final class CueSounds {
  private final int sampleRate;
  private final Map<String, Pcm> speech;
  private final Pcm chime;

  private CueSounds(int sampleRate, Map<String, Pcm> speech, Pcm chime) {
    this.sampleRate = sampleRate;
    this.speech = speech;
    this.chime = chime;
  }

  /**
   * Prepares the sounds of the given cues. {@code speak} is called once per distinct text, from
   * this thread (speech engines are single-threaded).
   */
  public static CueSounds prepare(
      Iterable<Cue> cues, Function<String, Pcm> speak, int sampleRate, Volume volume) {
    return prepare(cues, List.of(), speak, sampleRate, volume);
  }

  /**
   * Like {@link #prepare(Iterable, Function, int, Volume)}, plus sentences the live session may
   * need that are not on the timeline (the player's fussy closing, the no-start reply), so they too
   * are ready before the first cue plays.
   */
  public static CueSounds prepare(
      Iterable<Cue> cues,
      Collection<String> extraTexts,
      Function<String, Pcm> speak,
      int sampleRate,
      Volume volume) {
    Map<String, Pcm> speech = new HashMap<>();
    List<String> texts = new ArrayList<>();
    for (Cue cue : cues) {
      if (cue.kind() != CueKind.CHIME) {
        texts.add(cue.text());
      }
    }
    texts.addAll(extraTexts);
    for (String text : texts) {
      if (!speech.containsKey(text)) {
        Pcm pcm = Objects.requireNonNull(speak.apply(text), "no speech for " + text);
        if (pcm.sampleRate() != sampleRate) {
          throw new IllegalArgumentException(
              "speech at " + pcm.sampleRate() + " Hz does not match session rate " + sampleRate);
        }
        speech.put(text, volume.apply(pcm));
      }
    }
    return new CueSounds(sampleRate, speech, volume.apply(Chime.generate(sampleRate)));
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** The speech prepared for a text (a cue's or an extra one), if any. */
  public Optional<Pcm> speechOf(String text) {
    return Optional.ofNullable(speech.get(text));
  }

  /** The sound of a cue; throws if the cue was not prepared. */
  public Pcm soundOf(Cue cue) {
    if (cue.kind() == CueKind.CHIME) {
      return chime;
    }
    Pcm pcm = speech.get(cue.text());
    if (pcm == null) {
      throw new IllegalStateException("cue was not prepared: " + cue.text());
    }
    return pcm;
  }
}
