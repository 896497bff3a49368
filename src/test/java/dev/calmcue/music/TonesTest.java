package dev.calmcue.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TonesTest {
  @ParameterizedTest
  @EnumSource(Timbre.class)
  void everySound_startsAndEndsOnSilence_withoutAStep(Timbre timbre) {
    for (int rate : new int[] {16000, 44100}) {
      float[] s = Tones.render(timbre, 60, rate);
      assertEquals(0, s[0], 0.0);
      assertEquals(0, s[s.length - 1], 0.0);
      int fade = (int) Math.round(Tones.END_FADE_SECONDS * rate);
      double body = maxStep(s, 0, s.length - fade);
      double end = maxStep(s, s.length - fade, s.length);
      assertTrue(end <= body, timbre + " at " + rate + ": end step " + end + " > " + body);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000})
  void noPartialIsMadeNearOrAboveHalfTheSampleRate(int rate) {
    // C6's tine partial (6.27 x 1047 Hz = 6.6 kHz) would fold back at 8 kHz and sit right at the
    // edge of the band at 16 kHz: it is made only where it fits (below 0.45 x the rate)
    float[] s = Tones.render(Timbre.MUSIC_BOX, 84, rate);
    double top = 0;
    double all = 0;
    int n = 4096;
    for (int k = 1; k < n / 2; k++) {
      double re = 0;
      double im = 0;
      for (int i = 0; i < n; i++) {
        double x = s[i + rate / 20] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n)); // Hann
        re += x * Math.cos(2 * Math.PI * k * i / n);
        im -= x * Math.sin(2 * Math.PI * k * i / n);
      }
      double p = re * re + im * im;
      all += p;
      if (k > n * 0.46) {
        top += p;
      }
    }
    assertTrue(top / all < 1e-6, "energy near Nyquist: " + top / all);
  }

  @ParameterizedTest
  @EnumSource(
      value = MusicStyle.class,
      names = {"LULLABY", "PULSE"})
  void everyStrokeBeginsWithAMark_andNotesComeInOrder(MusicStyle style) {
    Iterator<ScoreNote> score = style == MusicStyle.PULSE ? Lullabies.pulse() : Lullabies.score();
    List<ScoreNote> notes = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      notes.add(score.next());
    }
    Timbre mark = style == MusicStyle.PULSE ? Timbre.TICK : Timbre.BASS;
    double last = -1;
    int marks = 0;
    for (ScoreNote n : notes) {
      assertTrue(n.stroke() >= last, "in order at " + n);
      last = n.stroke();
      if (n.timbre() == mark) {
        assertEquals(Math.rint(n.stroke()), n.stroke(), 1e-9, "a mark on a whole stroke " + n);
        assertEquals(marks++, (int) n.stroke(), "one mark on every stroke, none missing");
      } else {
        assertTrue(n.stroke() != Math.rint(n.stroke()) || n.timbre() == Timbre.MUSIC_BOX);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"C3:48", "G2:43", "C5:72", "B5:83", "C6:84"})
  void noteNames(String pair) {
    String[] p = pair.split(":");
    assertEquals(Integer.parseInt(p[1]), Lullabies.midi(p[0]));
  }

  private static double maxStep(float[] s, int from, int to) {
    double max = 0;
    for (int i = Math.max(1, from); i < to; i++) {
      max = Math.max(max, Math.abs(s[i] - s[i - 1]));
    }
    return max;
  }
}
