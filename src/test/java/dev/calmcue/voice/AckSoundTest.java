package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.audio.Chime;
import dev.calmcue.speech.Pcm;
import org.junit.jupiter.api.Test;

class AckSoundTest {
  @Test
  void isShortSoftAndStartsAndEndsInSilence() {
    Pcm ack = AckSound.generate(16_000);
    assertEquals(16_000 * 160 / 1000, ack.length());
    int peak = 0;
    for (short s : ack.samples()) {
      peak = Math.max(peak, Math.abs(s));
    }
    assertTrue(peak <= 32767 * Math.pow(10, -24 / 20.0) + 1, "peak " + peak);
    assertTrue(peak > 1000, "audible, peak " + peak);
    assertTrue(
        Math.abs(ack.samples()[0]) < 5 && Math.abs(ack.samples()[ack.length() - 1]) < 50,
        "no click");
  }

  @Test
  void isDistinctFromTheChime() {
    Pcm ack = AckSound.generate(16_000);
    Pcm chime = Chime.generate(16_000);
    assertTrue(ack.length() * 5 <= chime.length(), "much shorter than the chime");
    // the ack rises: more zero crossings in its second half than its first
    assertTrue(crossings(ack, false) > crossings(ack, true) * 1.1);
  }

  private static int crossings(Pcm p, boolean firstHalf) {
    int from = firstHalf ? 0 : p.length() / 2;
    int to = firstHalf ? p.length() / 2 : p.length();
    int n = 0;
    for (int i = from + 1; i < to; i++) {
      if ((p.samples()[i - 1] < 0) != (p.samples()[i] < 0)) {
        n++;
      }
    }
    return n;
  }
}
