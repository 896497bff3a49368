package dev.calmcue.session;

import dev.calmcue.audio.TimelineAudio;

/**
 * The rest of a cue cut short by a command, in timeline samples: it stays silent, so cues never
 * overlap. Writer thread only.
 */
final class Mute {
  private long from;
  private long until;

  /** Mutes the rest of any cue that started before {@code t} and would still sound after it. */
  void soundingAt(TimelineAudio audio, long t) {
    int i = audio.firstCueAtOrAfter(t) - 1;
    if (i >= 0 && audio.endSample(i) > t) {
      from = t;
      until = audio.endSample(i);
    }
  }

  boolean covers(long t) {
    return t >= from && t < until;
  }

  /** Silences the muted part of {@code n} samples of the timeline from {@code t}, read into buf. */
  void apply(short[] buf, long t, int n) {
    long to = Math.min(t + n, until);
    for (long s = Math.max(t, from); s < to; s++) {
      buf[(int) (s - t)] = 0;
    }
  }
}
