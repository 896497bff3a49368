package dev.calmcue.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.speech.Pcm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {
  private static short[] sine(double freq, double amplitude, int rate, int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * freq * i / rate));
    }
    return s;
  }

  /**
   * Amplitude of the {@code freq} component of {@code x[from..to)} (a single-bin DFT, Hann window).
   */
  private static double amplitudeAt(short[] x, int from, int to, double freq, int rate) {
    double re = 0;
    double im = 0;
    double wsum = 0;
    int n = to - from;
    for (int i = 0; i < n; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      double ph = 2 * Math.PI * freq * i / rate;
      re += w * x[from + i] * Math.cos(ph);
      im += w * x[from + i] * Math.sin(ph);
      wsum += w;
    }
    return 2 * Math.hypot(re, im) / wsum;
  }

  @ParameterizedTest
  @ValueSource(ints = {22050, 44100, 48000})
  void sine_keepsItsFrequencyAndAmplitude(int outRate) {
    short[] in = sine(1000, 10000, 16000, 16000);
    short[] out = new Resampler(16000, outRate).resample(in);
    int from = outRate / 4;
    int to = outRate * 3 / 4;
    assertEquals(10000, amplitudeAt(out, from, to, 1000, outRate), 10000 * 0.005);
    // and the energy is at 1 kHz, not a neighbour: 20 Hz off already falls well below
    assertTrue(amplitudeAt(out, from, to, 1040, outRate) < 100);
  }

  @ParameterizedTest
  @ValueSource(ints = {22050, 44100, 48000})
  void upsampling_leavesNoImageAboveTheOldNyquist(int outRate) {
    // A 6 kHz tone at 16 kHz has spectral images at 10 and 22 kHz; a poor filter lets them through.
    short[] out = new Resampler(16000, outRate).resample(sine(6000, 20000, 16000, 16000));
    int from = outRate / 4;
    int to = outRate * 3 / 4;
    double signal = amplitudeAt(out, from, to, 6000, outRate);
    assertEquals(20000, signal, 20000 * 0.01, "6 kHz is still in the pass band");
    for (double image : new double[] {10000, 22000}) {
      if (image < outRate / 2.0) {
        double db = 20 * Math.log10(amplitudeAt(out, from, to, image, outRate) / signal);
        assertTrue(db < -70, "image at " + image + " Hz is only " + db + " dB down");
      }
    }
  }

  @Test
  void downsampling_removesWhatTheNewRateCannotHold() {
    // 10 kHz at 22.05 kHz would alias to 6 kHz at 16 kHz; it must be filtered out instead.
    short[] out = new Resampler(22050, 16000).resample(sine(10000, 20000, 22050, 22050));
    double alias = amplitudeAt(out, 4000, 12000, 6000, 16000);
    assertTrue(20 * Math.log10(alias / 20000) < -70, "alias at 6 kHz: " + alias);
    short[] kept = new Resampler(22050, 16000).resample(sine(2000, 20000, 22050, 22050));
    assertEquals(20000, amplitudeAt(kept, 4000, 12000, 2000, 16000), 20000 * 0.005);
  }

  @ParameterizedTest
  @CsvSource({
    "16000,22050,1000,1379",
    "16000,44100,1000,2757",
    "16000,48000,1000,3000",
    "16000,44100,1,3",
    "16000,44100,0,0"
  })
  void length_isCeilingOfTheRateRatio(int in, int out, int n, int expected) {
    Resampler r = new Resampler(in, out);
    assertEquals(expected, r.outputLength(n));
    assertEquals(expected, r.resample(new short[n]).length);
  }

  @Test
  void sameRate_returnsTheClipUnchanged() {
    Pcm pcm = new Pcm(16000, sine(440, 5000, 16000, 321));
    assertArrayEquals(pcm.samples(), new Resampler(16000, 16000).apply(pcm).samples());
  }

  @Test
  void outputSampleK_isTheInputAtTimeKTimesRatio() {
    // A slow ramp is smooth enough to be interpolated almost exactly: no delay, no shift.
    short[] in = new short[16000];
    for (int i = 0; i < in.length; i++) {
      in[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 50 * i / 16000.0));
    }
    short[] out = new Resampler(16000, 44100).resample(in);
    for (int k = 2000; k < 40000; k += 997) {
      double t = k * 16000.0 / 44100;
      double expected = 8000 * Math.sin(2 * Math.PI * 50 * t / 16000.0);
      assertEquals(expected, out[k], 2.0, "sample " + k);
    }
  }
}
