package dev.calmcue.music;

import dev.calmcue.audio.SampleSource;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.Routine;
import java.util.Iterator;
import java.util.List;

/**
 * The session's speech with a music bed mixed in, on the same sample timeline, as a pull source:
 * render writes it chunk by chunk and the live player plays it, so both sound the same. The bed is
 * a function of the timeline position, so while the player holds its position (a pause) the music
 * holds too, and resumes where it was; after any jump in position the music fades back in over
 * {@link #RESUME_FADE_SECONDS} instead of starting mid-note with a click.
 */
public final class MusicMixer implements SampleSource {
  /** The bed's peak at full music and voice volume, as a fraction of full scale. */
  static final double FULL_LEVEL = 0.6;

  static final double RESUME_FADE_SECONDS = 0.03;

  private final TimelineAudio speech;
  private final MusicBed bed;
  private final DuckEnvelope envelope;
  private final double level;
  private final int resumeFade;
  private float[] music = new float[0];
  private float[] gain = new float[0];
  private long expected;
  /** Samples into the fade after a jump; at {@link #resumeFade} no fade is under way. */
  private int faded;

  MusicMixer(TimelineAudio speech, MusicBed bed, DuckEnvelope envelope, double level) {
    this.speech = speech;
    this.bed = bed;
    this.envelope = envelope;
    this.level = level;
    this.resumeFade = (int) Math.round(RESUME_FADE_SECONDS * speech.sampleRate());
    this.faded = resumeFade;
  }

  /**
   * The session's sound with {@code music} under {@code speech}, or the speech alone when the music
   * is off. Cheap: no sound is made until samples are asked for.
   *
   * @param voiceVolume the session's volume 0..100; the music is scaled by it too
   */
  public static SampleSource over(
      TimelineAudio speech, Timeline timeline, Routine routine, MusicSettings music, int voiceVolume) {
    if (!music.on() || voiceVolume == 0) {
      return speech;
    }
    int rate = speech.sampleRate();
    List<StepSpan> spans = timeline.steps();
    long[] stepStarts = new long[spans.size()];
    int[] paces = new int[spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      stepStarts[i] = SampleTime.sampleAt(spans.get(i).start(), rate);
      paces[i] = routine.steps().get(spans.get(i).index()).pace();
    }
    int n = speech.cues().size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    long musicStart = stepStarts.length > 0 ? stepStarts[0] : 0;
    long closingStart = Long.MAX_VALUE;
    long closingEnd = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      starts[i] = speech.startSample(i);
      ends[i] = speech.endSample(i);
      CueKind kind = speech.cues().get(i).kind();
      if (kind == CueKind.READY) {
        musicStart = ends[i];
      } else if (kind == CueKind.CLOSING) {
        closingStart = starts[i];
        closingEnd = ends[i];
      }
    }
    long end = speech.totalSamples();
    Iterator<ScoreNote> score =
        music.style() == MusicStyle.PULSE ? Lullabies.pulse() : Lullabies.score();
    MusicBed bed =
        MusicBed.of(score, new StrokeClock(rate, stepStarts, paces), musicStart, end, rate);
    DuckEnvelope envelope =
        new DuckEnvelope(rate, starts, ends, musicStart, closingStart, closingEnd);
    double level =
        FULL_LEVEL
            * Short.MAX_VALUE
            * new Volume(voiceVolume).gain()
            * new Volume(music.volumePercent()).gain();
    return new MusicMixer(speech, bed, envelope, level);
  }

  @Override
  public int sampleRate() {
    return speech.sampleRate();
  }

  @Override
  public long totalSamples() {
    return speech.totalSamples();
  }

  @Override
  public void fill(long from, short[] buf, int off, int len) {
    speech.fill(from, buf, off, len);
    if (music.length < len) {
      music = new float[len];
      gain = new float[len];
    }
    bed.fill(from, music, len);
    envelope.fill(from, gain, len);
    if (from != expected) {
      faded = 0;
    }
    for (int i = 0; i < len; i++) {
      double m = music[i] * gain[i] * level;
      if (faded < resumeFade) {
        m *= Tones.ramp((double) faded++ / resumeFade);
      }
      long v = Math.round(buf[off + i] + m);
      buf[off + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
    expected = from + len;
  }
}
