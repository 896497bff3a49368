package dev.calmcue.music;

import static dev.calmcue.music.ToneSession.RATE;
import static dev.calmcue.music.ToneSession.pull;
import static dev.calmcue.music.ToneSession.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.SampleSource;
import dev.calmcue.audio.TimelineLayer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The music mixed under tone "speech": ducking, fades, clicks, and position across pauses. */
class MusicMixerTest {
  private final ToneSession session = ToneSession.slowThenFast();

  /** The music alone: the mix minus the speech. */
  private double[] bed(MusicStyle style, long from, long to) {
    short[] mix = pull(session.mixer(style), from, to, 1000);
    short[] speech = pull(session.audio, from, to, 1000);
    double[] bed = new double[mix.length];
    for (int i = 0; i < bed.length; i++) {
      bed[i] = mix[i] - speech[i];
    }
    return bed;
  }

  private static double rms(double[] x, long from, long to) {
    double sum = 0;
    for (long i = from; i < to; i++) {
      sum += x[(int) i] * x[(int) i];
    }
    return Math.sqrt(sum / (to - from));
  }

  private static double maxStep(double[] x, long from, long to) {
    double max = 0;
    for (long i = Math.max(1, from); i < to; i++) {
      max = Math.max(max, Math.abs(x[(int) i] - x[(int) i - 1]));
    }
    return max;
  }

  @Test
  void musicOff_isTheSpeechItself() {
    SampleSource off =
        MusicMixer.over(session.audio, session.timeline, session.routine, MusicSettings.OFF, 100);
    assertSame(session.audio, off);
  }

  @Test
  void envelope_onAConstantTone_isSixteenDecibelsDownUnderACue() {
    DuckEnvelope env =
        new DuckEnvelope(
            RATE, new long[] {sample(5)}, new long[] {sample(7)}, 0, Long.MAX_VALUE, 0);
    float[] gain = new float[(int) sample(12)];
    env.fill(0, gain, gain.length);
    double[] tone = new double[gain.length];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = 10000 * Math.sin(2 * Math.PI * 440 * i / RATE) * gain[i];
    }
    double open = rms(tone, sample(9), sample(12));
    double ducked = rms(tone, sample(5), sample(7));
    double depthDb = 20 * Math.log10(open / ducked);
    assertEquals(DuckEnvelope.DEPTH_DB, depthDb, 0.1);
    assertTrue(depthDb >= 12, "at least 12 dB under speech, got " + depthDb);
  }

  @Test
  void envelope_rampsDownAsARaisedCosineEndingWhereTheCueStarts_andUpAfterItEnds() {
    long start = sample(5);
    long end = sample(7);
    DuckEnvelope env =
        new DuckEnvelope(RATE, new long[] {start}, new long[] {end}, 0, Long.MAX_VALUE, 0);
    float[] g = new float[(int) sample(12)];
    env.fill(0, g, g.length);
    long attack = sample(DuckEnvelope.ATTACK_SECONDS);
    long release = sample(DuckEnvelope.RELEASE_SECONDS);
    double d = DuckEnvelope.DEPTH;
    assertEquals(1.0, g[(int) (start - attack)], 1e-6);
    assertEquals(1 - (1 - d) * 0.5, g[(int) (start - attack / 2)], 1e-4);
    assertEquals(
        1 - (1 - d) * (0.5 - 0.5 * Math.cos(Math.PI / 4)), g[(int) (start - attack * 3 / 4)], 1e-4);
    assertEquals(d, g[(int) start], 1e-6);
    assertEquals(d, g[(int) end - 1], 1e-6);
    assertEquals(d + (1 - d) * 0.5, g[(int) (end + release / 2)], 1e-4);
    assertEquals(1.0, g[(int) (end + release)], 1e-6);
    for (long k = start - attack + 1; k <= start; k++) {
      assertTrue(g[(int) k] <= g[(int) k - 1], "falls steadily at " + k);
    }
    // a raised cosine's steepest step is pi/2 times the straight line's: no corner, no click
    double steepest = Math.PI / 2 * (1 - d) / attack;
    for (int k = 1; k < g.length; k++) {
      assertTrue(Math.abs(g[k] - g[k - 1]) <= steepest * 1.01, "gentle step at " + k);
    }
  }

  @Test
  void envelope_betweenCuesCloserThanItsRamps_staysDownWithoutDippingFurther() {
    DuckEnvelope env =
        new DuckEnvelope(
            RATE,
            new long[] {sample(5), sample(7.5)},
            new long[] {sample(7), sample(9)},
            0,
            Long.MAX_VALUE,
            0);
    float[] g = new float[(int) sample(12)];
    env.fill(0, g, g.length);
    for (long k = sample(5); k < sample(9); k++) {
      assertTrue(g[(int) k] >= DuckEnvelope.DEPTH - 1e-6, "never below the duck at " + k);
      assertTrue(g[(int) k] < 0.6, "not back up in a half-second gap at " + k);
    }
  }

  @Test
  void musicIsAtLeastTwelveDecibelsUnderEveryCue_andPresentBetweenThem() {
    double[] bed = bed(MusicStyle.LULLABY, 0, session.audio.totalSamples());
    short[] speech = pull(session.audio, 0, session.audio.totalSamples(), 1000);
    double[] voice = new double[speech.length];
    for (int i = 0; i < voice.length; i++) {
      voice[i] = speech[i];
    }
    for (int i = 0; i < session.audio.cues().size(); i++) {
      long s = session.audio.startSample(i);
      long e = session.audio.endSample(i);
      double db = 20 * Math.log10(rms(voice, s, e) / rms(bed, s, e));
      assertTrue(db >= 12, session.audio.cues().get(i).text() + ": music only " + db + " dB under");
    }
    assertEquals(0.0, rms(bed, 0, sample(1)), 0.0, "no music before Ready? is answered");
    assertTrue(rms(bed, sample(6), sample(14)) > 100, "music between the cues");
    assertTrue(rms(bed, sample(40), sample(60)) > 100, "music in the second step");
    assertEquals(0.0, rms(bed, sample(64) - 1, sample(64)), 1.0, "faded out by the end");
  }

  @Test
  void whileTheSessionListens_theBedPlaysTenDecibelsSofter() {
    double[] loud = bed(MusicStyle.LULLABY, 0, session.audio.totalSamples());
    TimelineLayer soft =
        MusicMixer.under(
            session.audio,
            session.timeline,
            session.routine,
            new MusicSettings(MusicStyle.LULLABY, 100),
            100,
            true);
    short[] quiet = new short[loud.length];
    for (int done = 0; done < quiet.length; done += 1000) {
      soft.addTo(done, quiet, done, Math.min(1000, quiet.length - done));
    }
    double[] softer = new double[quiet.length];
    for (int i = 0; i < softer.length; i++) {
      softer[i] = quiet[i];
    }
    for (long[] span : new long[][] {{sample(6), sample(14)}, {sample(40), sample(60)}}) {
      double db = 20 * Math.log10(rms(loud, span[0], span[1]) / rms(softer, span[0], span[1]));
      assertEquals(MusicMixer.LISTENING_SOFTER_DB, db, 0.1);
    }
  }

  @Test
  void pulse_ticksOncePerStroke_threeSecondsApartAtTwenty_oneSecondAtSixty() {
    MusicMixer mixer = session.mixer(MusicStyle.PULSE);
    double[] bed = bed(MusicStyle.PULSE, 0, session.audio.totalSamples());
    long[] ticks = onsets(bed);
    // steady parts of each step: after the change of pace, before the closing
    assertPeriods(ticks, sample(5), sample(31), sample(3));
    assertPeriods(ticks, sample(36), sample(60), sample(1));
    assertTrue(mixer.totalSamples() == session.audio.totalSamples());
  }

  @Test
  void paceChangesSmoothly_eachIntervalBetweenTheOldAndTheNewAndShrinking() {
    StrokeClock clock = new StrokeClock(RATE, new long[] {0, sample(30)}, new int[] {20, 60});
    MusicBed bed = MusicBed.of(Lullabies.pulse(), clock, 0, sample(60), RATE);
    long previous = sample(3);
    for (int i = 1; i < bed.noteCount(); i++) {
      long gap = bed.onset(i) - bed.onset(i - 1);
      assertTrue(gap >= sample(1) - 1 && gap <= sample(3) + 1, "interval " + gap);
      assertTrue(gap <= previous + 1, "never slows down again: " + gap + " after " + previous);
      previous = gap;
    }
  }

  @Test
  void noClickWhereTheMusicDucks_orChangesPace() {
    double[] bed = bed(MusicStyle.PULSE, 0, session.audio.totalSamples());
    double peak = Arrays.stream(bed).map(Math::abs).max().orElseThrow();
    // The tick's partials reach 330 Hz and its attack takes 3 ms: a step of a quarter of the peak
    // is more than either allows; a cut or a gain jump would be a step of up to the whole peak.
    double limit = 0.25 * peak;
    long[] boundaries = {sample(1), sample(3), sample(15), sample(16.5), sample(31), sample(33)};
    for (long b : boundaries) {
      double step = maxStep(bed, b - sample(1), Math.min(bed.length, b + sample(5)));
      assertTrue(step <= limit, "step " + step + " near " + b + " over " + limit);
    }
  }

  @Test
  void pulledInAnyChunks_theMixIsTheSame() {
    long end = session.audio.totalSamples();
    assertArrayEquals(
        pull(session.mixer(MusicStyle.LULLABY), 0, end, 4096),
        pull(session.mixer(MusicStyle.LULLABY), 0, end, 37));
  }

  @Test
  void afterAPause_theMusicGoesOnFromWhereItStopped() {
    // The player holds its timeline position while paused and pulls nothing: the next pull
    // continues the music exactly, as if there had been no pause.
    MusicMixer paused = session.mixer(MusicStyle.LULLABY);
    short[] before = pull(paused, 0, sample(20), 800);
    // ... a pause of any length: nothing is pulled ...
    short[] after = pull(paused, sample(20), sample(30), 800);
    short[] straight = pull(session.mixer(MusicStyle.LULLABY), 0, sample(30), 800);
    short[] joined = new short[straight.length];
    System.arraycopy(before, 0, joined, 0, before.length);
    System.arraycopy(after, 0, joined, before.length, after.length);
    assertArrayEquals(straight, joined);
  }

  @Test
  void afterAJump_theMusicFadesBackInInsteadOfStartingMidNote() {
    MusicMixer jumped = session.mixer(MusicStyle.LULLABY);
    pull(jumped, 0, sample(8), 800);
    short[] resumed = pull(jumped, sample(20), sample(21), 800);
    short[] straight = pull(session.mixer(MusicStyle.LULLABY), sample(20), sample(21), 800);
    int fade = (int) sample(MusicMixer.RESUME_FADE_SECONDS);
    assertEquals(0, resumed[0]);
    for (int i = 1; i < fade; i++) {
      assertTrue(Math.abs(resumed[i]) <= Math.abs(straight[i]) + 1, "fading in at " + i);
    }
    assertArrayEquals(
        Arrays.copyOfRange(straight, fade, straight.length),
        Arrays.copyOfRange(resumed, fade, resumed.length));
  }

  /** Where each tick starts: the first sample above a small threshold after a quiet stretch. */
  private static long[] onsets(double[] bed) {
    long[] found = new long[bed.length];
    int n = 0;
    long quietSince = 0;
    for (int i = 0; i < bed.length; i++) {
      if (Math.abs(bed[i]) > 20) {
        if (i - quietSince > sample(0.3)) {
          found[n++] = i;
        }
        quietSince = i;
      }
    }
    return Arrays.copyOf(found, n);
  }

  private static void assertPeriods(long[] onsets, long from, long to, long period) {
    int checked = 0;
    for (int i = 1; i < onsets.length; i++) {
      if (onsets[i - 1] >= from && onsets[i] < to) {
        long gap = onsets[i] - onsets[i - 1];
        assertEquals(period, gap, RATE * 0.01, "interval at " + onsets[i]);
        checked++;
      }
    }
    assertTrue(checked >= 3, "intervals checked: " + checked);
  }
}
