package dev.calmcue.music;

import dev.calmcue.audio.SampleSource;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.TimelineLayer;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.Routine;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The session's speech with a music bed mixed in, on the same sample timeline, as a pull source:
 * render writes it chunk by chunk and the live player plays it, so both sound the same. The bed is
 * a function of the timeline position, so while the player holds its position (a pause) the music
 * holds too, and resumes where it was; after any jump in position the music fades back in over
 * {@link #RESUME_FADE_SECONDS} instead of starting mid-note with a click.
 */
public final class MusicMixer implements SampleSource, TimelineLayer {
  /** The bed's peak at full music and voice volume, as a fraction of full scale. */
  static final double FULL_LEVEL = 0.6;

  static final double RESUME_FADE_SECONDS = 0.03;

  /**
   * How much softer the bed plays while calmcue listens for spoken commands. Between cues the bed
   * is about 12 dB under the voice; measured on synthetic commands (docs/benchmarks.md), the
   * lullaby 10 dB under the speaker's voice let 54% of commands through, 20 dB under it 89%.
   */
  public static final double LISTENING_SOFTER_DB = 10;

  private final TimelineAudio speech;
  private final CompletableFuture<MusicBed> bed;
  private final long musicStart;
  private final DuckEnvelope envelope;
  private final double level;
  private final int resumeFade;
  private float[] music = new float[0];
  private float[] gain = new float[0];
  private long expected;

  /** Samples into the fade after a jump; at {@link #resumeFade} no fade is under way. */
  private int faded;

  MusicMixer(
      TimelineAudio speech,
      CompletableFuture<MusicBed> bed,
      long musicStart,
      DuckEnvelope envelope,
      double level) {
    this.speech = speech;
    this.bed = bed;
    this.musicStart = musicStart;
    this.envelope = envelope;
    this.level = level;
    this.resumeFade = (int) Math.round(RESUME_FADE_SECONDS * speech.sampleRate());
    this.faded = resumeFade;
  }

  /**
   * The session's sound with {@code music} under {@code speech}, or the speech alone when the music
   * is off. Returns at once: the notes are placed on a background thread (tens of milliseconds for
   * a long session) and each pitch is synthesised when first heard, so the first word is never
   * delayed; the music is needed only after "Ready?".
   *
   * @param voiceVolume the session's volume 0..100; the music is scaled by it too
   */
  public static SampleSource over(
      TimelineAudio speech,
      Timeline timeline,
      Routine routine,
      MusicSettings music,
      int voiceVolume) {
    TimelineLayer layer = under(speech, timeline, routine, music, voiceVolume, false);
    return layer instanceof MusicMixer mixer ? mixer : speech;
  }

  /**
   * The music alone, to lay under {@code speech} where the speech is written by someone else (the
   * live player); {@link TimelineLayer#NONE} when the music is off. Returns at once, as {@link
   * #over}.
   *
   * @param listening the session listens for spoken commands: the bed plays {@link
   *     #LISTENING_SOFTER_DB} softer, so the microphone hears the parent over it
   */
  public static TimelineLayer under(
      TimelineAudio speech,
      Timeline timeline,
      Routine routine,
      MusicSettings music,
      int voiceVolume,
      boolean listening) {
    if (!music.on() || voiceVolume == 0) {
      return TimelineLayer.NONE;
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
    StrokeClock clock = new StrokeClock(rate, stepStarts, paces);
    long from = musicStart;
    CompletableFuture<MusicBed> bed =
        CompletableFuture.supplyAsync(() -> MusicBed.of(score, clock, from, end, rate));
    DuckEnvelope envelope =
        new DuckEnvelope(rate, starts, ends, musicStart, closingStart, closingEnd);
    double level =
        FULL_LEVEL
            * Short.MAX_VALUE
            * new Volume(voiceVolume).gain()
            * new Volume(music.volumePercent()).gain()
            * (listening ? Math.pow(10, -LISTENING_SOFTER_DB / 20) : 1);
    return new MusicMixer(speech, bed, musicStart, envelope, level);
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
    addTo(from, buf, off, len);
  }

  /**
   * Adds the music of samples {@code [from, from+len)} to what {@code buf} holds: for a player that
   * fills (and perhaps mutes) the speech itself. Pulls must follow one another for the music to run
   * on without a fade; any other position fades the music back in.
   */
  @Override
  public void addTo(long from, short[] buf, int off, int len) {
    if (from != expected) {
      faded = 0;
    }
    expected = from + len;
    if (from + len <= musicStart) {
      return; // before the music: the speech alone, without waiting for the notes
    }
    if (music.length < len) {
      music = new float[len];
      gain = new float[len];
    }
    bed.join().fill(from, music, len);
    envelope.fill(from, gain, len);
    float scale = (float) level;
    for (int i = 0; i < len; i++) {
      float m = music[i] * gain[i] * scale;
      if (faded < resumeFade) {
        m *= (float) Tones.ramp((double) faded++ / resumeFade);
      }
      int v = buf[off + i] + (int) (m >= 0 ? m + 0.5f : m - 0.5f);
      buf[off + i] = (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(v, Short.MIN_VALUE));
    }
  }
}
