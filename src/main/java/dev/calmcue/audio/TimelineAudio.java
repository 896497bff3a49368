package dev.calmcue.audio;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.Timeline;
import dev.calmcue.speech.Pcm;
import java.util.Arrays;
import java.util.List;

/**
 * A timeline as one continuous stream of samples: each cue's sound starts at sample {@code round(at
 * * rate)}, silence fills the gaps. A cue's sound is cut where the next cue starts, so cues never
 * sound over each other even if a clip is longer than planned. Shared by render (all at once) and
 * play (chunk by chunk).
 */
public final class TimelineAudio implements SampleSource {
  private final List<Cue> cues;
  private final long[] starts;
  private final long[] ends;
  private final Pcm[] sounds;
  private final long totalSamples;
  private final int sampleRate;

  public TimelineAudio(Timeline timeline, CueSounds sounds) {
    this.sampleRate = sounds.sampleRate();
    this.cues = timeline.cues();
    int n = cues.size();
    this.starts = new long[n];
    this.ends = new long[n];
    this.sounds = new Pcm[n];
    long last = SampleTime.sampleAt(timeline.total(), sampleRate);
    for (int i = 0; i < n; i++) {
      Cue cue = cues.get(i);
      this.sounds[i] = sounds.soundOf(cue);
      starts[i] = SampleTime.sampleAt(cue.at(), sampleRate);
      ends[i] = starts[i] + this.sounds[i].length();
    }
    for (int i = 0; i + 1 < n; i++) {
      ends[i] = Math.min(ends[i], starts[i + 1]);
    }
    for (int i = 0; i < n; i++) {
      last = Math.max(last, ends[i]);
    }
    this.totalSamples = last;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public long totalSamples() {
    return totalSamples;
  }

  public List<Cue> cues() {
    return cues;
  }

  /** The first sample of cue {@code index}. */
  public long startSample(int index) {
    return starts[index];
  }

  /** The sample after cue {@code index}'s last (its sound is cut where the next cue starts). */
  public long endSample(int index) {
    return ends[index];
  }

  /** The sound of cue {@code index} as prepared (not cut). */
  public Pcm soundOf(int index) {
    return sounds[index];
  }

  /** Index of the first cue starting at or after {@code sample}, or {@code cues().size()}. */
  public int firstCueAtOrAfter(long sample) {
    int i = Arrays.binarySearch(starts, sample);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && starts[i - 1] == sample) {
      i--;
    }
    return i;
  }

  /**
   * Fills {@code buf[off..off+len)} with session samples {@code [from, from+len)}; past the end is
   * silence.
   */
  @Override
  public void fill(long from, short[] buf, int off, int len) {
    Arrays.fill(buf, off, off + len, (short) 0);
    long to = from + len;
    // the cue that may already be sounding at `from`, then every cue starting before `to`
    int i = Math.max(0, firstCueAtOrAfter(from) - 1);
    for (; i < starts.length && starts[i] < to; i++) {
      long s = Math.max(starts[i], from);
      long e = Math.min(ends[i], to);
      if (s >= e) {
        continue;
      }
      System.arraycopy(
          sounds[i].samples(), (int) (s - starts[i]), buf, off + (int) (s - from), (int) (e - s));
    }
  }
}
