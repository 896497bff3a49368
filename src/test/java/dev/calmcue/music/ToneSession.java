package dev.calmcue.music;

import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import dev.calmcue.speech.Pcm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built session at 8 kHz whose every cue sounds as a 300 Hz tone of its planned length:
 * "Ready?" for a second, a slow step (pace 20) and a fast one (pace 60) of 30 s each with their
 * instructions and one prompt, and a closing.
 */
final class ToneSession {
  static final int RATE = 8000;
  static final int SPEECH_AMPLITUDE = 8000;

  final Timeline timeline;
  final Routine routine;
  final TimelineAudio audio;

  private ToneSession(Timeline timeline, Routine routine, TimelineAudio audio) {
    this.timeline = timeline;
    this.routine = routine;
    this.audio = audio;
  }

  static ToneSession slowThenFast() {
    List<Cue> cues = new ArrayList<>();
    cues.add(cue(0, 1000, CueKind.READY, null, "Ready?"));
    cues.add(cue(1000, 3000, CueKind.INSTRUCTION, "slow", "Long slow strokes."));
    cues.add(cue(15000, 16500, CueKind.PROMPT, "slow", "Keep it light."));
    cues.add(cue(31000, 33000, CueKind.INSTRUCTION, "fast", "Light quick taps."));
    cues.add(cue(61000, 64000, CueKind.CLOSING, null, "That is the end."));
    List<StepSpan> spans =
        List.of(
            new StepSpan(0, "slow", "Slow", ms(1000), ms(31000)),
            new StepSpan(1, "fast", "Fast", ms(31000), ms(61000)));
    Timeline timeline = new Timeline("tones", "Tones", cues, List.of(), spans, ms(1000), ms(64000));
    Routine routine =
        new Routine(
            1,
            "tones",
            "Tones",
            null,
            null,
            new MinutesRange(1, 2),
            List.of(),
            List.of(),
            List.of(
                new Step("slow", "Slow", "Long slow strokes.", 30, List.of(), 20),
                new Step("fast", "Fast", "Light quick taps.", 30, List.of(), 60)),
            null);
    CueSounds sounds =
        CueSounds.prepare(cues, text -> tone(lengthOf(cues, text)), RATE, new Volume(100));
    return new ToneSession(timeline, routine, new TimelineAudio(timeline, sounds));
  }

  /** The speech with {@code style} under it at full music and voice volume. */
  MusicMixer mixer(MusicStyle style) {
    return (MusicMixer)
        MusicMixer.over(audio, timeline, routine, new MusicSettings(style, 100), 100);
  }

  /** Samples {@code [from, to)} of {@code source}, pulled in chunks of {@code chunk}. */
  static short[] pull(dev.calmcue.audio.SampleSource source, long from, long to, int chunk) {
    short[] out = new short[(int) (to - from)];
    for (int done = 0; done < out.length; done += chunk) {
      int n = Math.min(chunk, out.length - done);
      short[] buf = new short[n];
      source.fill(from + done, buf, 0, n);
      System.arraycopy(buf, 0, out, done, n);
    }
    return out;
  }

  static long sample(double seconds) {
    return Math.round(seconds * RATE);
  }

  private static int lengthOf(List<Cue> cues, String text) {
    return cues.stream()
        .filter(c -> c.text().equals(text))
        .mapToInt(c -> (int) c.length().toMillis())
        .findFirst()
        .orElse(500);
  }

  private static Pcm tone(int ms) {
    short[] s = new short[ms * RATE / 1000];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(SPEECH_AMPLITUDE * Math.sin(2 * Math.PI * 300 * i / RATE));
    }
    return new Pcm(RATE, s);
  }

  private static Cue cue(int fromMs, int toMs, CueKind kind, String step, String text) {
    return new Cue(ms(fromMs), ms(toMs), kind, step, text);
  }

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }
}
