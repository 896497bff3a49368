package dev.calmcue.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavFileSinkTest {
  @TempDir Path dir;

  private static String fourCc(ByteBuffer b, int at) {
    byte[] s = new byte[4];
    b.get(at, s);
    return new String(s, StandardCharsets.US_ASCII);
  }

  private static void assertHeader(byte[] file, int rate, long samples) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals("RIFF", fourCc(b, 0));
    assertEquals(36 + 2 * samples, Integer.toUnsignedLong(b.getInt(4)));
    assertEquals("WAVE", fourCc(b, 8));
    assertEquals("fmt ", fourCc(b, 12));
    assertEquals(16, b.getInt(16));
    assertEquals(1, b.getShort(20), "PCM");
    assertEquals(1, b.getShort(22), "mono");
    assertEquals(rate, b.getInt(24));
    assertEquals(rate * 2, b.getInt(28), "bytes per second");
    assertEquals(2, b.getShort(32), "block align");
    assertEquals(16, b.getShort(34), "bits");
    assertEquals("data", fourCc(b, 36));
    assertEquals(2 * samples, Integer.toUnsignedLong(b.getInt(40)));
    assertEquals(44 + 2 * samples, file.length);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 44100, 48000})
  void file_headerSizesArePatchedAtClose(int rate) throws Exception {
    Path f = dir.resolve("s.wav");
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      WavFileSink sink = WavFileSink.toFile(ch, rate);
      short[] chunk = new short[70_001]; // more than the sink's buffer, odd on purpose
      chunk[0] = 1234;
      chunk[chunk.length - 1] = -2;
      sink.write(chunk, 0, chunk.length);
      sink.write(chunk, 0, 5);
      sink.close();
    }
    byte[] bytes = Files.readAllBytes(f);
    assertHeader(bytes, rate, 70_006);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1234, b.getShort(44), "little-endian samples");
    assertEquals(-2, b.getShort(44 + 2 * 70_000));
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 44100, 48000})
  void stream_headerCarriesTheAnnouncedLength(int rate) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavFileSink sink = WavFileSink.toStream(Channels.newChannel(out), rate, 3);
    sink.write(new short[] {1, 2, 3}, 0, 3);
    sink.close();
    assertHeader(out.toByteArray(), rate, 3);
  }

  @Test
  void stream_refusesMoreOrFewerSamplesThanAnnounced() {
    WavFileSink more =
        WavFileSink.toStream(Channels.newChannel(new ByteArrayOutputStream()), 16000, 2);
    assertThrows(IllegalStateException.class, () -> more.write(new short[3], 0, 3));
    WavFileSink fewer =
        WavFileSink.toStream(Channels.newChannel(new ByteArrayOutputStream()), 16000, 2);
    fewer.write(new short[1], 0, 1);
    assertThrows(IllegalStateException.class, fewer::close);
  }

  @Test
  void emptySession_isAValidEmptyFile() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavFileSink.toStream(Channels.newChannel(out), 16000, 0).close();
    assertHeader(out.toByteArray(), 16000, 0);
  }
}
