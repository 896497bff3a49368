package dev.calmcue.voice;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Recorded audio as a capture source: raw 16 kHz mono 16-bit little-endian PCM, or a WAV file in
 * that format (its header is skipped). Reads as fast as asked; the listener paces nothing.
 */
public final class StreamCapture implements CaptureSource {
  private final InputStream in;
  private final String name;
  private byte[] bytes = new byte[0];

  private StreamCapture(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  public static StreamCapture raw(InputStream in, String name) {
    return new StreamCapture(in, name);
  }

  /** A 16 kHz mono 16-bit WAV; anything else is refused with the reason. */
  public static StreamCapture wav(InputStream in, String name) throws IOException {
    DataInputStream d = new DataInputStream(in);
    byte[] head = new byte[12];
    d.readFully(head);
    if (!new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")) {
      throw new IOException(name + ": not a WAV file");
    }
    while (true) {
      byte[] chunk = new byte[8];
      d.readFully(chunk);
      String id = new String(chunk, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
      int size =
          (chunk[4] & 0xff)
              | (chunk[5] & 0xff) << 8
              | (chunk[6] & 0xff) << 16
              | (chunk[7] & 0xff) << 24;
      if (id.equals("fmt ")) {
        byte[] fmt = new byte[size];
        d.readFully(fmt);
        int channels = (fmt[2] & 0xff) | (fmt[3] & 0xff) << 8;
        int rate =
            (fmt[4] & 0xff) | (fmt[5] & 0xff) << 8 | (fmt[6] & 0xff) << 16 | (fmt[7] & 0xff) << 24;
        int bits = (fmt[14] & 0xff) | (fmt[15] & 0xff) << 8;
        if (channels != 1 || rate != UtteranceDecoder.SAMPLE_RATE || bits != 16) {
          throw new IOException(
              name
                  + ": needs 16 kHz mono 16-bit, not "
                  + rate
                  + " Hz, "
                  + channels
                  + " channel(s), "
                  + bits
                  + " bit");
        }
      } else if (id.equals("data")) {
        return new StreamCapture(in, name);
      } else {
        d.skipNBytes(size + (size & 1));
      }
    }
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public int read(short[] into, int offset, int length) throws IOException {
    if (bytes.length < length * 2) {
      bytes = new byte[length * 2];
    }
    int got = in.readNBytes(bytes, 0, length * 2);
    if (got < 2) {
      return -1;
    }
    return CaptureSource.decodeLittleEndian(bytes, got, into, offset);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to save in a test recording
    }
  }
}
