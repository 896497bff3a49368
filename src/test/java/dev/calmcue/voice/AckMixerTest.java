package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AckMixerTest {
  private static final int RATE = 16_000;
  private static final int BLOCK = 320;
  private final short[] blip = AckSound.generate(RATE).samples();
  private final AckMixer ack = new AckMixer(RATE);

  /** Runs the mixer over silent blocks from output sample {@code from} to {@code to}. */
  private short[] write(long from, long to) {
    short[] out = new short[(int) (to - from)];
    for (long at = from; at < to; at += BLOCK) {
      short[] block = new short[BLOCK];
      int n = (int) Math.min(BLOCK, to - at);
      ack.mix(at, block, n, 0, 0);
      System.arraycopy(block, 0, out, (int) (at - from), n);
    }
    return out;
  }

  @Test
  void nothingIsMixed_untilAskedFor() {
    assertArrayEquals(new short[BLOCK * 20], write(0, BLOCK * 20));
  }

  @Test
  void theBlipStartsWithTheNextBlock_andPlaysOnce() {
    write(0, BLOCK * 3);
    ack.play();
    short[] out = write(BLOCK * 3, BLOCK * 30);
    assertArrayEquals(blip, Arrays.copyOf(out, blip.length));
    for (int i = blip.length; i < out.length; i++) {
      assertEquals(0, out[i]);
    }
  }

  @Test
  void setBackBeforeTheBlipBegan_itStartsAgainAtOnce() {
    ack.play();
    write(1_000, 1_000 + BLOCK * 2); // its start went into the line, unheard
    short[] out = write(900, 900 + blip.length + BLOCK); // a pause dropped it: output set back
    assertArrayEquals(blip, Arrays.copyOf(out, blip.length));
  }

  @Test
  void setBackIntoTheBlip_onlyItsUnheardRestPlays() {
    ack.play();
    write(0, BLOCK * 2);
    short[] out = write(BLOCK, BLOCK * 20); // heard up to one block in
    assertArrayEquals(
        Arrays.copyOfRange(blip, BLOCK, blip.length), Arrays.copyOf(out, blip.length - BLOCK));
    assertEquals(0, out[blip.length - BLOCK]);
  }

  @Test
  void twoCommandsInARow_twoBlipsOneAfterTheOther() {
    ack.play();
    ack.play();
    short[] out = write(0, BLOCK * 40);
    int start2 = ((blip.length + BLOCK - 1) / BLOCK) * BLOCK; // the block after the first ends
    assertArrayEquals(blip, Arrays.copyOf(out, blip.length));
    assertArrayEquals(blip, Arrays.copyOfRange(out, start2, start2 + blip.length));
  }
}
