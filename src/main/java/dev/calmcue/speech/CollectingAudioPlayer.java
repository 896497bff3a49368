package dev.calmcue.speech;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;

/**
 * A FreeTTS audio player that keeps the synthesized bytes in memory instead of playing them.
 * FreeTTS's own players open a javax.sound line and, with no sound device, block forever; this one
 * never touches a device. Methods are synchronized because FreeTTS may call them from its output
 * thread.
 */
final class CollectingAudioPlayer implements AudioPlayer {
  private AudioFormat format;
  private byte[] bytes = new byte[64 * 1024];
  private int size;

  /** Everything written since the last call, as samples; empties the buffer. */
  synchronized short[] takeSamples() {
    AudioFormat f = format;
    if (size == 0) {
      return new short[0];
    }
    if (f == null
        || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
        || f.getSampleSizeInBits() != 16
        || f.getChannels() != 1) {
      throw new IllegalStateException("FreeTTS produced unsupported audio: " + f);
    }
    short[] out = new short[size / 2];
    boolean big = f.isBigEndian();
    for (int i = 0; i < out.length; i++) {
      int a = bytes[2 * i];
      int b = bytes[2 * i + 1];
      out[i] = big ? (short) ((a << 8) | (b & 0xff)) : (short) ((b << 8) | (a & 0xff));
    }
    size = 0;
    return out;
  }

  /** Sample rate of the audio FreeTTS announced, or 0 before it announced one. */
  synchronized int sampleRate() {
    return format == null ? 0 : Math.round(format.getSampleRate());
  }

  synchronized void clear() {
    size = 0;
  }

  @Override
  public synchronized void setAudioFormat(AudioFormat format) {
    this.format = format;
  }

  @Override
  public synchronized AudioFormat getAudioFormat() {
    return format;
  }

  @Override
  public synchronized boolean write(byte[] audio) {
    return write(audio, 0, audio.length);
  }

  @Override
  public synchronized boolean write(byte[] audio, int offset, int length) {
    if (size + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
    }
    System.arraycopy(audio, offset, bytes, size, length);
    size += length;
    return true;
  }

  // Playback controls mean nothing for a buffer in memory.

  @Override
  public void pause() {}

  @Override
  public void resume() {}

  @Override
  public void reset() {}

  @Override
  public boolean drain() {
    return true;
  }

  @Override
  public void begin(int size) {}

  @Override
  public boolean end() {
    return true;
  }

  @Override
  public void cancel() {}

  @Override
  public void close() {}

  @Override
  public float getVolume() {
    return 1.0f;
  }

  @Override
  public void setVolume(float volume) {}

  @Override
  public long getTime() {
    return 0;
  }

  @Override
  public void resetTime() {}

  @Override
  public void startFirstSampleTimer() {}

  @Override
  public void showMetrics() {}
}
