package dev.calmcue.music;

/** The lullaby bed alone, as a microphone across the room would hear it between cues. */
public final class LullabyAudio {
  private LullabyAudio() {}

  /** {@code seconds} of the lullaby at {@code pace} strokes a minute, undimmed, 16-bit PCM. */
  public static short[] bed(int rate, double seconds, int pace) {
    int n = (int) Math.round(seconds * rate);
    StrokeClock clock = new StrokeClock(rate, new long[] {0}, new int[] {pace});
    MusicBed bed = MusicBed.of(Lullabies.score(), clock, 0, n, rate);
    float[] f = new float[n];
    bed.fill(0, f, n);
    short[] out = new short[n];
    double scale = MusicMixer.FULL_LEVEL * Short.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, f[i] * scale));
    }
    return out;
  }
}
