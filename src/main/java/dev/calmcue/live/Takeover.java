package dev.calmcue.live;

import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.session.Headstart;
import java.util.Arrays;
import java.util.Optional;

/** The line the launch thread opened, still playing, and what is already on it. */
record Takeover(LineAudioSink sink, Headstart headstart) {
  /** A first cue longer than this (30 s at 16 kHz) is only partly hinted. */
  private static final int MAX_HINT_SAMPLES = 480_000;

  /**
   * Takes the line from the launch thread. What it played is kept only if it is exactly this
   * session's beginning; otherwise (the routine changed) it is dropped and the session starts clean
   * on the same line. Updates the launch hint for next time.
   */
  static Optional<Takeover> from(EarlyAudio early, TimelineAudio audio, int prerollSamples) {
    LaunchHint fresh = hintFor(audio, prerollSamples);
    Optional<EarlyAudio.Started> started;
    try {
      started = early.handOver();
      if (!fresh.sameAs(early.storedHint())) {
        early.hintFile().ifPresent(fresh::write);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (started.isEmpty()) {
      return Optional.empty();
    }
    EarlyAudio.Started s = started.get();
    if (s.sink().sampleRate() != audio.sampleRate()) {
      s.sink().close(); // another engine's rate: the player opens its own line
      return Optional.empty();
    }
    long w = s.timelineWritten();
    if (w == 0) {
      return Optional.of(new Takeover(s.sink(), new Headstart(s.prerollWritten(), 0, 0)));
    }
    short[] played = s.played().samples();
    short[] planned = new short[played.length];
    audio.fill(0, planned, 0, planned.length);
    long next = nextCue(audio);
    boolean exact =
        Arrays.equals(played, planned)
            && (w <= played.length || audio.endSample(0) <= played.length);
    if (!exact) {
      s.sink().discardBuffered();
      return Optional.of(new Takeover(s.sink(), new Headstart(0, 0, 0)));
    }
    Headstart h = new Headstart(s.prerollWritten(), Math.min(w, next), Math.max(0, w - next));
    return Optional.of(new Takeover(s.sink(), h));
  }

  /** Where the second cue starts: silence up to there follows the first cue. */
  private static long nextCue(TimelineAudio audio) {
    return audio.cues().size() > 1 ? audio.startSample(1) : audio.totalSamples();
  }

  /** The start of this session as a launch hint: the first cue, and silence until the next one. */
  static LaunchHint hintFor(TimelineAudio audio, int prerollSamples) {
    int firstEnd =
        audio.cues().isEmpty() ? 0 : (int) Math.min(audio.endSample(0), MAX_HINT_SAMPLES);
    long next = nextCue(audio);
    if (audio.cues().isEmpty() || audio.endSample(0) > firstEnd) {
      next = firstEnd; // only part of the first cue is in the hint: nothing after it is known
    }
    short[] samples = new short[firstEnd];
    audio.fill(0, samples, 0, firstEnd);
    int nextCue = (int) Math.max(firstEnd, Math.min(next, Integer.MAX_VALUE));
    return new LaunchHint(audio.sampleRate(), prerollSamples, nextCue, samples);
  }
}
