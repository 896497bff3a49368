package dev.calmcue.audio;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The sound card: one javax.sound line, opened once per session and fed continuously (silence
 * between cues), so it never underruns and every onset lands where its sample count puts it. 16-bit
 * little-endian mono. Not thread-safe: one writer thread.
 */
public final class LineAudioSink implements AudioSink {
  /**
   * Line buffer: large enough to ride out a busy CPU (an underrun makes cues late until the player
   * makes up for it), while pause, stop and fussy still act at once because they drop the buffer.
   */
  public static final Duration DEFAULT_BUFFER = Duration.ofMillis(200);

  private final SourceDataLine line;
  private final int sampleRate;
  private byte[] bytes = new byte[0];
  private long written;

  private LineAudioSink(SourceDataLine line, int sampleRate) {
    this.line = line;
    this.sampleRate = sampleRate;
  }

  /**
   * Opens and starts the default output line.
   *
   * @throws AudioFailure if there is no device or it cannot be opened (never hangs)
   */
  public static LineAudioSink open(int sampleRate, Duration buffer) {
    AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
    int bufferBytes = (int) SampleTime.sampleAt(buffer, sampleRate) * 2;
    SourceDataLine line;
    try {
      line = (SourceDataLine) AudioSystem.getLine(new DataLine.Info(SourceDataLine.class, format));
      line.open(format, bufferBytes);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new AudioFailure("no audio device could be opened (" + describe(e) + ")", e);
    }
    line.start();
    return new LineAudioSink(line, sampleRate);
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /** The line's buffer as opened (the device may round the requested size). */
  public Duration bufferLength() {
    return SampleTime.durationOf(line.getBufferSize() / 2, sampleRate);
  }

  @Override
  public void write(short[] samples, int offset, int length) {
    int n = length * 2;
    if (bytes.length < n) {
      bytes = new byte[n];
    }
    for (int i = 0; i < length; i++) {
      short s = samples[offset + i];
      bytes[2 * i] = (byte) s;
      bytes[2 * i + 1] = (byte) (s >> 8);
    }
    int done;
    try {
      done = line.write(bytes, 0, n);
    } catch (RuntimeException e) {
      throw new AudioFailure("the audio device stopped working (" + describe(e) + ")", e);
    }
    // javax.sound reports a device error only as a short write (we never flush from another thread)
    if (done < n || !line.isOpen()) {
      throw new AudioFailure("the audio device stopped accepting sound", null);
    }
    written += length;
  }

  @Override
  public long bufferedSamples() {
    return Math.max(0, written - line.getLongFramePosition());
  }

  @Override
  public void discardBuffered() {
    line.stop();
    line.flush();
    // after a flush the line has played exactly its frame position; count from there
    written = line.getLongFramePosition();
    line.start();
  }

  @Override
  public void drain() {
    line.drain();
  }

  @Override
  public void close() {
    line.close();
  }
}
