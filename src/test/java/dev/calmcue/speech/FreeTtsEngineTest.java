package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real FreeTTS synthesis (no sound device needed: audio is collected in memory). */
class FreeTtsEngineTest {
  private static final String SENTENCE = "Warm your hands and rest them gently on the baby's back.";

  private static FreeTtsEngine engine;

  @BeforeAll
  static void loadVoice() {
    engine = new FreeTtsEngine(SpeechSettings.defaults());
  }

  @AfterAll
  static void closeVoice() {
    engine.close();
  }

  /** Milliseconds from the start to the first 10 ms window louder than -30 dBFS RMS. */
  static double millisBeforeSpeech(Pcm pcm) {
    int win = pcm.sampleRate() / 100;
    short[] s = pcm.samples();
    for (int w = 0; (w + 1) * win <= s.length; w++) {
      if (rms(s, w * win, win) >= 1036) {
        return w * 10.0;
      }
    }
    return Clips.millis(pcm);
  }

  /** Milliseconds from the last 10 ms window louder than -30 dBFS RMS to the end. */
  static double millisAfterSpeech(Pcm pcm) {
    int win = pcm.sampleRate() / 100;
    short[] s = pcm.samples();
    for (int w = s.length / win - 1; w >= 0; w--) {
      if (rms(s, s.length - (s.length / win - w) * win, win) >= 1036) {
        return (s.length / win - 1 - w) * 10.0;
      }
    }
    return Clips.millis(pcm);
  }

  private static double rms(short[] s, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      sum += (double) s[i] * s[i];
    }
    return Math.sqrt(sum / n);
  }

  @Test
  void synthesize_sentence_gives16kHzSpeechOfPlausibleLength() {
    Pcm pcm = engine.synthesize(SENTENCE);

    assertEquals(16_000, pcm.sampleRate());
    // eleven words at 140 heard words per minute: a few seconds
    assertTrue(Clips.millis(pcm) > 1500 && Clips.millis(pcm) < 8000, "length " + Clips.millis(pcm));
    assertEquals(16_000, engine.sampleRate());
    assertEquals("freetts:kevin16:140wpm-heard:16000Hz:breath350ms", engine.settingsKey());
  }

  @Test
  void synthesize_trimsTheLongSilenceFreeTtsPutsAroundClips() {
    // untrimmed FreeTTS output has 200-330 ms before and after the speech
    Pcm pcm = engine.synthesize(SENTENCE);

    assertTrue(millisBeforeSpeech(pcm) <= 60, "lead-in " + millisBeforeSpeech(pcm) + " ms");
    assertTrue(millisAfterSpeech(pcm) <= 150, "tail " + millisAfterSpeech(pcm) + " ms");
    short[] s = pcm.samples();
    assertEquals(0, s[0], "clip should fade in from zero");
    assertEquals(0, s[s.length - 1], "clip should fade out to zero");
  }

  @Test
  void synthesize_longerText_givesLongerClip() {
    Pcm shorter = engine.synthesize("Stroke down.");
    Pcm longer = engine.synthesize("Stroke down slowly from the shoulders to the bottom.");

    assertTrue(longer.length() > shorter.length() * 2, shorter.length() + " vs " + longer.length());
  }

  @Test
  void synthesize_fasterRate_givesShorterClip() {
    try (FreeTtsEngine slow = new FreeTtsEngine(new SpeechSettings("freetts", null, 90));
        FreeTtsEngine fast = new FreeTtsEngine(new SpeechSettings("freetts", "kevin16", 210))) {
      Pcm normal = engine.synthesize(SENTENCE);
      Pcm slower = slow.synthesize(SENTENCE);
      Pcm faster = fast.synthesize(SENTENCE);

      assertTrue(faster.length() < normal.length(), faster.length() + " vs " + normal.length());
      assertTrue(slower.length() > normal.length(), slower.length() + " vs " + normal.length());
    }
  }

  @Test
  void synthesize_sameTextTwice_givesIdenticalClips() {
    assertArrayEquals(engine.synthesize(SENTENCE).samples(), engine.synthesize(SENTENCE).samples());
  }

  @Test
  void synthesize_curlyApostrophe_soundsLikeStraightOne() {
    assertArrayEquals(
        engine.synthesize("Rest on the baby's back.").samples(),
        engine.synthesize("Rest on the baby\u2019s back.").samples());
  }

  @Test
  void synthesize_blankOrUnspeakableText_givesEmptyClip() {
    assertEquals(0, engine.synthesize("   ").length());
    assertEquals(0, engine.synthesize("...").length());
  }

  @Test
  void plainPunctuation_turnsTypographicMarksIntoWhatFreeTtsReads() {
    assertEquals("Rest, then stroke.", FreeTtsEngine.plainPunctuation("Rest \u2014 then stroke."));
    assertEquals("Rest, then stroke.", FreeTtsEngine.plainPunctuation("Rest\u2014then stroke."));
    assertEquals("2 to 3 strokes", FreeTtsEngine.plainPunctuation("2\u20133 strokes"));
    assertEquals("\"Shh\" ...", FreeTtsEngine.plainPunctuation("\u201CShh\u201D \u2026"));
  }

  @Test
  void rateOutOfRange_isAnInputErrorNamingTheFlag() {
    for (int wpm : new int[] {79, 221, -5, 1000}) {
      CalmcueException e =
          assertThrows(
              CalmcueException.class,
              () -> FreeTtsEngine.resolve(new SpeechSettings("freetts", null, wpm)));
      assertEquals(CalmcueException.Kind.INPUT, e.kind());
      assertTrue(e.getMessage().contains("--rate " + wpm), e.getMessage());
      assertTrue(e.getMessage().contains("80 to 220"), e.getMessage());
    }
  }

  @Test
  void rateAtTheLimits_andDefault_areAccepted() {
    assertEquals(
        80, FreeTtsEngine.resolve(new SpeechSettings("freetts", null, 80)).wordsPerMinute());
    assertEquals(
        220, FreeTtsEngine.resolve(new SpeechSettings("freetts", null, 220)).wordsPerMinute());
    assertEquals(140, FreeTtsEngine.resolve(SpeechSettings.defaults()).wordsPerMinute());
  }

  @Test
  void unknownVoice_isAnInputErrorNamingTheFlag() {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () -> FreeTtsEngine.resolve(new SpeechSettings("freetts", "alan", 0)));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("--voice"), e.getMessage());
    assertTrue(e.getMessage().contains("kevin16"), e.getMessage());
  }

  @Test
  void closedEngine_refusesToSpeak() {
    FreeTtsEngine closed = new FreeTtsEngine(SpeechSettings.defaults());
    closed.close();
    assertThrows(IllegalStateException.class, () -> closed.synthesize("Hello."));
  }
}
