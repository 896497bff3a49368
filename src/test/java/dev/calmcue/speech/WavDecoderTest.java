package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavDecoderTest {
  private static byte[] wav(int rate, int channels, int bits, int dataSize, short... samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(0x7fffffff).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) bits);
    b.put("data".getBytes()).putInt(dataSize);
    for (short s : samples) {
      b.putShort(s);
    }
    return b.array();
  }

  @Test
  void decode_readsSamplesAndRate() {
    Pcm pcm = WavDecoder.decode(wav(22_050, 1, 16, 6, (short) 1, (short) -2, (short) 300));

    assertEquals(22_050, pcm.sampleRate());
    assertArrayEquals(new short[] {1, -2, 300}, pcm.samples());
  }

  @Test
  void decode_streamedWavWithPlaceholderSize_takesWhatIsThere() {
    // espeak-ng --stdout cannot seek back, so it writes 0x7ffff000 as the data size
    Pcm pcm = WavDecoder.decode(wav(22_050, 1, 16, 0x7ffff000, (short) 5, (short) 6));

    assertArrayEquals(new short[] {5, 6}, pcm.samples());
  }

  @Test
  void decode_rejectsWhatIsNotMono16BitPcm() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WavDecoder.decode(wav(22_050, 2, 16, 4, (short) 1, (short) 2)));
    assertThrows(
        IllegalArgumentException.class, () -> WavDecoder.decode(wav(22_050, 1, 8, 2, (short) 1)));
    assertThrows(IllegalArgumentException.class, () -> WavDecoder.decode("not a wav".getBytes()));
    assertThrows(IllegalArgumentException.class, () -> WavDecoder.decode(new byte[0]));
  }
}
