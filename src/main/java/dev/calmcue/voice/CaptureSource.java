package dev.calmcue.voice;

import java.io.IOException;

/**
 * Where the listener's audio comes from: 16 kHz mono signed 16-bit PCM, read in blocks. The
 * microphone ({@link LineCapture}) or a recording ({@link StreamCapture}) for tests.
 */
public interface CaptureSource extends AutoCloseable {
  /** What this source is, for the mic check ("default microphone", a file name). */
  String describe();

  /**
   * Blocks until {@code length} samples are read (fewer only at the end), and returns how many; -1
   * at the end of the source.
   */
  int read(short[] into, int offset, int length) throws IOException;

  @Override
  void close();

  /**
   * Decodes {@code byteCount} bytes of 16-bit little-endian PCM into samples; returns the count.
   */
  static int decodeLittleEndian(byte[] bytes, int byteCount, short[] into, int offset) {
    for (int i = 0; i < byteCount / 2; i++) {
      into[offset + i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
    }
    return byteCount / 2;
  }
}
