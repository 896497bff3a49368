package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.audio.Resampler;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandCheckTest {
  private static final int RATE = 16_000;
  private static final String TALK =
      "Stroke slowly from the neck to the bottom, soft and steady, and keep your hands warm.";

  /** Feeds {@code pcm} block by block, as the listener does, and returns the check. */
  private static BandCheck fed(short[] pcm) {
    BandCheck c = new BandCheck(RATE);
    for (int at = 0; at + 320 <= pcm.length; at += 320) {
      short[] block = java.util.Arrays.copyOfRange(pcm, at, at + 320);
      double e = 0;
      for (short s : block) {
        e += (double) s * s;
      }
      if (Math.sqrt(e / 320) > 300) { // voice only, as the listener feeds it
        c.voice(block, 320);
      }
    }
    return c;
  }

  /** What an 8 kHz microphone would have made of it, back at 16 kHz. */
  private static short[] narrow(short[] pcm) {
    return new Resampler(8_000, RATE).resample(new Resampler(RATE, 8_000).resample(pcm));
  }

  @Test
  void speechThroughAWideBandMicrophone_isWideBand_andThroughAnEightKilohertzOne_narrow() {
    assumeTrue(SyntheticSpeech.espeakPresent(), "espeak-ng is not installed");
    for (SyntheticSpeech.Voice v :
        List.of(
            new SyntheticSpeech.Voice("freetts", "kevin16", 150),
            new SyntheticSpeech.Voice("espeak", "en-us+f3", 150),
            new SyntheticSpeech.Voice("espeak", "en-gb", 150))) {
      short[] wide = SyntheticSpeech.say(v, TALK);
      BandCheck w = fed(wide);
      BandCheck n = fed(narrow(wide));
      assertEquals(BandCheck.Verdict.WIDE_BAND, w.voice(new short[0], 0), v.label());
      assertEquals(BandCheck.Verdict.NARROW_BAND, n.voice(new short[0], 0), v.label());
    }
  }

  @Test
  void undecided_untilAFewSecondsOfVoice() {
    BandCheck c = new BandCheck(RATE);
    long blocks = BandCheck.VOICE_NEEDED_MS / 20;
    for (int b = 0; b < blocks; b++) {
      short[] tone = new short[320];
      for (int i = 0; i < tone.length; i++) {
        tone[i] = (short) (3000 * Math.sin(2 * Math.PI * 440 * (b * 320 + i) / RATE));
      }
      BandCheck.Verdict v = c.voice(tone, 320);
      if (b < blocks - 1) {
        assertEquals(BandCheck.Verdict.UNDECIDED, v);
      } else {
        assertEquals(BandCheck.Verdict.NARROW_BAND, v, "a pure 440 Hz hum has no hiss");
      }
    }
  }
}
