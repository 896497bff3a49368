package dev.calmcue.speech;

import static dev.calmcue.speech.Clips.concat;
import static dev.calmcue.speech.Clips.millis;
import static dev.calmcue.speech.Clips.noise;
import static dev.calmcue.speech.Clips.silence;
import static dev.calmcue.speech.Clips.tone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SilenceTrimmerTest {
  private static final int RATE = 16_000;
  private final SilenceTrimmer trimmer = SilenceTrimmer.SPEECH;

  @Test
  void trim_removesSilenceAroundTone_keepingOnlyTheShortFadedMargins() {
    Pcm clip =
        new Pcm(RATE, concat(silence(RATE, 300), tone(RATE, 500, -12, 440), silence(RATE, 250)));

    Pcm trimmed = trimmer.trim(clip);

    // the tone plus at most one window and one kept margin on each side
    assertTrue(millis(trimmed) >= 500, "tone cut: " + millis(trimmed));
    assertTrue(millis(trimmed) <= 500 + 2 * (10 + 10), "silence kept: " + millis(trimmed));
    assertEquals(RATE, trimmed.sampleRate());
  }

  @Test
  void trim_startsAndEndsAtZero_soOnsetsDoNotClick() {
    // the tone is at full level from its first sample: cutting there would click without a fade
    Pcm clip =
        new Pcm(RATE, concat(silence(RATE, 200), tone(RATE, 300, -6, 1000), silence(RATE, 200)));
    short[] s = trimmer.trim(clip).samples();

    assertEquals(0, s[0]);
    assertEquals(0, s[s.length - 1]);
    int fiveMs = Clips.samples(RATE, 5);
    for (int i = 1; i < fiveMs; i++) {
      assertTrue(Math.abs(s[i]) <= 32767.0 * i / fiveMs + 1, "fade-in too steep at sample " + i);
    }
  }

  @Test
  void trim_clipThatIsLoudFromFirstToLastSample_keepsEverySampleButFadesTheEdges() {
    short[] loud = tone(RATE, 400, -6, 300);
    Pcm trimmed = trimmer.trim(new Pcm(RATE, loud));

    assertEquals(loud.length, trimmed.length());
    int middle = loud.length / 2;
    assertEquals(loud[middle], trimmed.samples()[middle]);
  }

  @Test
  void trim_keepsSoftOnsetJoinedToSpeech() {
    // a "th" or "f": 120 ms at -40 dBFS running straight into the vowel
    Pcm clip =
        new Pcm(
            RATE,
            concat(
                silence(RATE, 300),
                noise(RATE, 120, -40, 1),
                tone(RATE, 400, -10, 200),
                silence(RATE, 300)));

    Pcm trimmed = trimmer.trim(clip);

    assertTrue(millis(trimmed) >= 120 + 400, "soft onset lost: " + millis(trimmed));
    assertTrue(millis(trimmed) <= 120 + 400 + 40, "silence kept: " + millis(trimmed));
  }

  @Test
  void trim_dropsFaintHumSeparatedFromSpeechBySilence() {
    // FreeTTS sometimes opens with ~60 ms of hum at -42 dBFS, then silence, then the word
    Pcm clip =
        new Pcm(
            RATE,
            concat(
                noise(RATE, 60, -42, 2),
                silence(RATE, 150),
                tone(RATE, 400, -10, 200),
                silence(RATE, 100)));

    Pcm trimmed = trimmer.trim(clip);

    assertTrue(millis(trimmed) <= 400 + 40, "hum kept: " + millis(trimmed));
  }

  @Test
  void trim_keepsPausesInsideSpeech() {
    Pcm clip =
        new Pcm(
            RATE,
            concat(
                silence(RATE, 200),
                tone(RATE, 300, -10, 300),
                silence(RATE, 400),
                tone(RATE, 300, -10, 300),
                silence(RATE, 200)));

    Pcm trimmed = trimmer.trim(clip);

    assertTrue(millis(trimmed) >= 1000, "pause between words removed: " + millis(trimmed));
  }

  @Test
  void trim_allSilence_givesEmptyClip() {
    Pcm trimmed = trimmer.trim(new Pcm(RATE, concat(silence(RATE, 500), noise(RATE, 100, -70, 3))));

    assertEquals(0, trimmed.length());
    assertEquals(RATE, trimmed.sampleRate());
  }

  @Test
  void trim_emptyClip_staysEmpty() {
    assertEquals(0, trimmer.trim(new Pcm(RATE, new short[0])).length());
  }

  @Test
  void trim_quietButAudibleClip_isKeptRatherThanDropped() {
    // nothing reaches the "certainly speech" level, but it is well above the silence floor
    Pcm clip =
        new Pcm(RATE, concat(silence(RATE, 200), tone(RATE, 300, -38, 300), silence(RATE, 200)));

    Pcm trimmed = trimmer.trim(clip);

    assertTrue(millis(trimmed) >= 300 && millis(trimmed) <= 340, "got " + millis(trimmed));
  }

  @Test
  void trim_worksAtOtherSampleRates() {
    int rate = 22_050;
    Pcm clip =
        new Pcm(rate, concat(silence(rate, 300), tone(rate, 500, -12, 440), silence(rate, 300)));

    Pcm trimmed = trimmer.trim(clip);

    assertEquals(rate, trimmed.sampleRate());
    assertTrue(millis(trimmed) >= 500 && millis(trimmed) <= 540, "got " + millis(trimmed));
  }

  @Test
  void trim_doesNotChangeItsInput() {
    short[] samples = concat(silence(RATE, 100), tone(RATE, 200, -6, 440), silence(RATE, 100));
    short[] copy = samples.clone();

    trimmer.trim(new Pcm(RATE, samples));

    assertArrayEquals(copy, samples);
  }

  @Test
  void trim_withNoKeptMargin_cutsAtWindowEdges() {
    SilenceTrimmer tight = new SilenceTrimmer(Duration.ofMillis(10), -30, -50, Duration.ZERO);
    Pcm clip =
        new Pcm(RATE, concat(silence(RATE, 100), tone(RATE, 200, -6, 440), silence(RATE, 100)));

    assertEquals(Clips.samples(RATE, 200), tight.trim(clip).length());
  }
}
