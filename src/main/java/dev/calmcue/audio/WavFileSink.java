package dev.calmcue.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;

/**
 * Streams samples as a RIFF/WAVE file: 16-bit PCM, mono, little-endian, a plain 44-byte header. On
 * a seekable channel (a file) the header's sizes are patched at {@link #close()}; on a pipe they
 * must be known up front ({@link #toStream}), and close checks that exactly that many samples came.
 *
 * <p>The sink writes and never closes the channel: whoever opened it decides what happens to the
 * file (see {@code render.PendingFile}). Write failures surface as {@link UncheckedIOException}.
 */
public final class WavFileSink implements AudioSink {
  /** Bytes before the first sample. */
  public static final int HEADER_BYTES = 44;

  /** RIFF sizes are unsigned 32-bit: the data chunk and header must stay under 4 GiB. */
  public static final long MAX_SAMPLES = (0xFFFF_FFFFL - 36) / 2;

  private final WritableByteChannel channel;
  private final int sampleRate;
  private final long expectedSamples; // -1 = patch the header at close
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
  private long written;
  private boolean closed;

  private WavFileSink(WritableByteChannel channel, int sampleRate, long expectedSamples) {
    this.channel = channel;
    this.sampleRate = sampleRate;
    this.expectedSamples = expectedSamples;
  }

  /** A sink onto a file channel at its start; the header's sizes are filled in at close. */
  public static WavFileSink toFile(SeekableByteChannel file, int sampleRate) {
    WavFileSink sink = new WavFileSink(file, sampleRate, -1);
    sink.buffer.put(header(sampleRate, 0));
    return sink;
  }

  /**
   * A sink onto a stream that cannot seek (stdout, a pipe); the header is written with {@code
   * totalSamples}, so exactly that many samples must follow.
   */
  public static WavFileSink toStream(WritableByteChannel out, int sampleRate, long totalSamples) {
    WavFileSink sink = new WavFileSink(out, sampleRate, totalSamples);
    sink.buffer.put(header(sampleRate, totalSamples));
    return sink;
  }

  /**
   * The 44-byte header of a mono 16-bit PCM file of {@code samples} samples at {@code sampleRate}.
   */
  public static byte[] header(int sampleRate, long samples) {
    if (samples < 0 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException(
          "a WAV file holds at most " + MAX_SAMPLES + " samples, got " + samples);
    }
    long dataBytes = samples * 2;
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16);
    b.putShort((short) 1); // PCM
    b.putShort((short) 1); // mono
    b.putInt(sampleRate);
    b.putInt(sampleRate * 2); // bytes per second
    b.putShort((short) 2); // bytes per frame
    b.putShort((short) 16); // bits per sample
    b.put(ascii("data")).putInt((int) dataBytes);
    return b.array();
  }

  /** The longest session a WAV file can hold at {@code sampleRate}. */
  public static Duration maxDuration(int sampleRate) {
    return SampleTime.durationOf(MAX_SAMPLES, sampleRate);
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /** Samples written so far. */
  public long samplesWritten() {
    return written;
  }

  @Override
  public void write(short[] samples, int offset, int length) {
    if (closed) {
      throw new IllegalStateException("sink is closed");
    }
    long limit = expectedSamples >= 0 ? expectedSamples : MAX_SAMPLES;
    if (written + length > limit) {
      throw new IllegalStateException(
          "more samples than the WAV header announces: " + (written + length) + " > " + limit);
    }
    for (int i = 0; i < length; i++) {
      if (buffer.remaining() < 2) {
        flushBuffer();
      }
      buffer.putShort(samples[offset + i]);
    }
    written += length;
  }

  /** Writes what is buffered, and for a file patches the header's sizes; the channel stays open. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flushBuffer();
    if (expectedSamples >= 0) {
      if (written != expectedSamples) {
        throw new IllegalStateException(
            "WAV header announced " + expectedSamples + " samples but " + written + " came");
      }
      return;
    }
    try {
      SeekableByteChannel file = (SeekableByteChannel) channel;
      long end = file.position();
      file.position(0);
      writeFully(ByteBuffer.wrap(header(sampleRate, written)));
      file.position(end);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flushBuffer() {
    buffer.flip();
    writeFully(buffer);
    buffer.clear();
  }

  private void writeFully(ByteBuffer b) {
    try {
      while (b.hasRemaining()) {
        channel.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
