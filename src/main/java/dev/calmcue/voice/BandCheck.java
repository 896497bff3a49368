package dev.calmcue.voice;

/**
 * Tells a narrow-band microphone (a Bluetooth headset in its telephone mode records at 8 kHz:
 * nothing above 4 kHz) from the voice it captures, whatever rate the sound server resamples it to:
 * speech through a wide-band microphone carries some energy above 5 kHz (the hiss of "s", "f",
 * "t"), speech through a narrow-band one next to none. The recognizer's model was trained on
 * wide-band speech; narrow-band audio cost a third of the commands in the first measurements.
 *
 * <p>Fed the blocks that are voice (not silence, not the player's own sound); decides once, after
 * {@link #VOICE_NEEDED_MS} of voice. Not thread-safe: the microphone thread's.
 */
public final class BandCheck {
  /** What to tell the parent, once. */
  public static final String WARNING =
      "the microphone sounds narrow-band (telephone quality, as a Bluetooth headset's): spoken"
          + " commands will often be missed; a built-in or USB microphone hears them far better";

  /** The band's lower edge: a narrow-band microphone has nothing here. */
  static final double EDGE_HZ = 5_000;

  /** Voice heard before deciding: a few words, enough for some hissing sounds among them. */
  static final long VOICE_NEEDED_MS = 3_000;

  /**
   * Energy above the edge, relative to all of the voice, below which the microphone is narrow-band
   * (dB). Synthetic wide-band speech measured about -20 dB, the same speech through an 8 kHz band
   * -58 to -68 dB (BandCheckTest); the line sits between, nearer the wide side, as room noise and a
   * real microphone's own hiss only add to it.
   */
  static final double NARROW_BELOW_DB = -40;

  private static final int TAPS = 101;

  /** What the check says so far. */
  public enum Verdict {
    UNDECIDED,
    WIDE_BAND,
    NARROW_BAND
  }

  private final int rate;
  private final double[] highPass;
  private final double[] past = new double[TAPS];
  private int pos;
  private double all;
  private double high;
  private long voiced;
  private Verdict verdict = Verdict.UNDECIDED;

  public BandCheck(int sampleRate) {
    this.rate = sampleRate;
    this.highPass = highPass(EDGE_HZ / sampleRate);
  }

  /** Adds a block of voice; returns the verdict, decided once enough voice was heard. */
  public Verdict voice(short[] block, int n) {
    if (verdict != Verdict.UNDECIDED) {
      return verdict;
    }
    for (int i = 0; i < n; i++) {
      double x = block[i];
      past[pos] = x;
      double y = 0;
      for (int k = 0, j = pos; k < TAPS; k++, j = j == 0 ? TAPS - 1 : j - 1) {
        y += highPass[k] * past[j];
      }
      pos = (pos + 1) % TAPS;
      all += x * x;
      high += y * y;
    }
    voiced += n;
    if (voiced * 1000 / rate >= VOICE_NEEDED_MS) {
      verdict = highShareDb() < NARROW_BELOW_DB ? Verdict.NARROW_BAND : Verdict.WIDE_BAND;
    }
    return verdict;
  }

  /** Energy above {@link #EDGE_HZ} relative to all of the voice so far, dB. */
  double highShareDb() {
    return all <= 0 ? 0 : 10 * Math.log10(Math.max(high, 1e-12) / all);
  }

  /** A linear-phase high-pass from {@code edge} (cycles per sample): all-pass minus low-pass. */
  private static double[] highPass(double edge) {
    double[] h = new double[TAPS];
    int mid = TAPS / 2;
    double sum = 0;
    for (int k = 0; k < TAPS; k++) {
      int t = k - mid;
      double sinc = t == 0 ? 2 * edge : Math.sin(2 * Math.PI * edge * t) / (Math.PI * t);
      // Blackman window: about 74 dB down outside the transition band
      double w =
          0.42
              - 0.5 * Math.cos(2 * Math.PI * k / (TAPS - 1))
              + 0.08 * Math.cos(4 * Math.PI * k / (TAPS - 1));
      h[k] = sinc * w;
      sum += h[k];
    }
    for (int k = 0; k < TAPS; k++) {
      h[k] = -h[k] / sum; // unity low-pass, negated
    }
    h[mid] += 1;
    return h;
  }
}
