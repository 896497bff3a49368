package dev.calmcue.voice;

import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** The default capture device through javax.sound, at 16 kHz mono 16-bit little-endian. */
public final class LineCapture implements CaptureSource {
  private static final AudioFormat FORMAT =
      new AudioFormat(UtteranceDecoder.SAMPLE_RATE, 16, 1, true, false);

  private final TargetDataLine line;
  private byte[] bytes = new byte[0];

  private LineCapture(TargetDataLine line) {
    this.line = line;
  }

  /** Opens and starts the default capture device; the message says why not. */
  public static LineCapture open() throws CaptureUnavailable {
    try {
      DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
      if (!AudioSystem.isLineSupported(info)) {
        boolean anyCapture =
            AudioSystem.getTargetLineInfo(new Line.Info(TargetDataLine.class)).length > 0;
        throw new CaptureUnavailable(
            anyCapture
                ? "no microphone that records 16 kHz mono"
                : "no microphone (no capture device at all: is a microphone plugged in, and the"
                    + " sound server running?)");
      }
      TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
      // 100 ms of buffer: the listener reads every 20 ms, and less buffer is less delay
      line.open(FORMAT, UtteranceDecoder.SAMPLE_RATE / 10 * 2);
      line.start();
      return new LineCapture(line);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new CaptureUnavailable("no microphone (" + e.getMessage() + ")");
    }
  }

  @Override
  public String describe() {
    return "default microphone";
  }

  @Override
  public int read(short[] into, int offset, int length) throws IOException {
    if (bytes.length < length * 2) {
      bytes = new byte[length * 2];
    }
    int got = 0;
    while (got < length * 2) {
      int n = line.read(bytes, got, length * 2 - got);
      if (n <= 0) {
        if (!line.isOpen()) {
          break;
        }
        continue;
      }
      got += n;
    }
    if (got == 0) {
      return -1;
    }
    return CaptureSource.decodeLittleEndian(bytes, got, into, offset);
  }

  @Override
  public void close() {
    line.stop();
    line.close();
  }

  /** No capture device, or none that records what the recognizer needs. */
  public static final class CaptureUnavailable extends Exception {
    public CaptureUnavailable(String message) {
      super(message);
    }
  }
}
