package dev.calmcue.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a mono 16-bit PCM WAV held in memory. Tolerates the header of a WAV written to a pipe,
 * whose sizes are placeholders because the writer could not seek back to fill them in.
 */
final class WavDecoder {
  private WavDecoder() {}

  /** The samples of {@code wav}; throws IllegalArgumentException saying what is wrong with it. */
  static Pcm decode(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 12 || !tag(wav, 0, "RIFF") || !tag(wav, 8, "WAVE")) {
      throw new IllegalArgumentException("not a WAV file (" + wav.length + " bytes)");
    }
    int rate = 0;
    int pos = 12;
    while (pos + 8 <= wav.length) {
      long size = Integer.toUnsignedLong(b.getInt(pos + 4));
      int body = pos + 8;
      if (tag(wav, pos, "fmt ")) {
        if (size < 16 || body + 16 > wav.length) {
          throw new IllegalArgumentException("WAV format chunk is truncated");
        }
        int format = b.getShort(body) & 0xffff;
        int channels = b.getShort(body + 2) & 0xffff;
        int bits = b.getShort(body + 14) & 0xffff;
        if (format != 1 || channels != 1 || bits != 16) {
          throw new IllegalArgumentException(
              "WAV is not mono 16-bit PCM (format "
                  + format
                  + ", "
                  + channels
                  + " channels, "
                  + bits
                  + " bits)");
        }
        rate = b.getInt(body + 4);
      } else if (tag(wav, pos, "data")) {
        if (rate <= 0) {
          throw new IllegalArgumentException("WAV data comes before its format");
        }
        // A streamed WAV claims a huge size: take what is actually there.
        long available = wav.length - body;
        int bytes = (int) Math.min(size, available) & ~1;
        short[] samples = new short[bytes / 2];
        b.position(body);
        b.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new Pcm(rate, samples);
      }
      long next = body + size + (size & 1);
      if (next > wav.length) {
        break;
      }
      pos = (int) next;
    }
    throw new IllegalArgumentException("WAV has no data");
  }

  private static boolean tag(byte[] a, int at, String tag) {
    if (at + 4 > a.length) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (a[at + i] != tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
