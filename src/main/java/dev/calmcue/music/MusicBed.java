package dev.calmcue.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The music alone, as floats over the session's sample timeline, before any ducking. Every note's
 * onset is fixed when the bed is made (a few thousand numbers); the sound of each pitch is
 * synthesised once, on first use, so making a bed costs milliseconds and a bed can be read from any
 * position, chunk by chunk, in any order.
 */
final class MusicBed {
  private final int rate;
  private final long[] onsets;
  private final Timbre[] timbres;
  private final int[] pitches;
  private final float[] gains;
  private final Map<Timbre, Map<Integer, float[]>> sounds = new EnumMap<>(Timbre.class);
  private final int longest;

  private MusicBed(int rate, long[] onsets, Timbre[] timbres, int[] pitches, float[] gains) {
    this.rate = rate;
    this.onsets = onsets;
    this.timbres = timbres;
    this.pitches = pitches;
    this.gains = gains;
    this.longest = (int) Math.ceil(2.5 * rate); // no sound of Tones is longer
  }

  /** The notes of {@code score} from sample {@code start} to {@code end}, at the clock's pace. */
  static MusicBed of(Iterator<ScoreNote> score, StrokeClock clock, long start, long end, int rate) {
    List<ScoreNote> notes = new ArrayList<>();
    List<Long> at = new ArrayList<>();
    StrokeClock.Walker walker = clock.walkFrom(start);
    while (true) {
      ScoreNote note = score.next();
      long onset = walker.onsetOf(note.stroke());
      if (onset >= end) {
        break;
      }
      notes.add(note);
      at.add(onset);
    }
    int n = at.size();
    long[] onsets = new long[n];
    Timbre[] timbres = new Timbre[n];
    int[] pitches = new int[n];
    float[] gains = new float[n];
    for (int i = 0; i < n; i++) {
      onsets[i] = at.get(i);
      timbres[i] = notes.get(i).timbre();
      pitches[i] = notes.get(i).midi();
      gains[i] = notes.get(i).gain();
    }
    return new MusicBed(rate, onsets, timbres, pitches, gains);
  }

  int sampleRate() {
    return rate;
  }

  /** How many notes the bed holds. */
  int noteCount() {
    return onsets.length;
  }

  /** The onset sample of note {@code i}. */
  long onset(int i) {
    return onsets[i];
  }

  /** Sets {@code out[0..len)} to the bed's samples {@code [from, from+len)}. */
  void fill(long from, float[] out, int len) {
    Arrays.fill(out, 0, len, 0f);
    long to = from + len;
    int i = Arrays.binarySearch(onsets, from - longest);
    i = i >= 0 ? i : -i - 1;
    while (i > 0 && onsets[i - 1] >= from - longest) {
      i--;
    }
    for (; i < onsets.length && onsets[i] < to; i++) {
      float[] sound = sound(timbres[i], pitches[i]);
      int s = (int) (Math.max(onsets[i], from) - from);
      int e = (int) (Math.min(onsets[i] + sound.length, to) - from);
      int shift = (int) (from - onsets[i]);
      float g = gains[i];
      for (int k = s; k < e; k++) {
        out[k] += g * sound[k + shift];
      }
    }
  }

  /** Bytes held by synthesised sounds so far (for the memory report). */
  long soundBytes() {
    long total = 0;
    for (Map<Integer, float[]> byPitch : sounds.values()) {
      for (float[] s : byPitch.values()) {
        total += 4L * s.length;
      }
    }
    return total;
  }

  private float[] sound(Timbre timbre, int midi) {
    return sounds
        .computeIfAbsent(timbre, t -> new HashMap<>())
        .computeIfAbsent(midi, m -> Tones.render(timbre, m, rate));
  }
}
