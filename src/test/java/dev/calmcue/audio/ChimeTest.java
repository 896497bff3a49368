package dev.calmcue.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.plan.TimelinePlanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChimeTest {
  @ParameterizedTest
  @ValueSource(ints = {8_000, 16_000, 22_050, 44_100, 48_000})
  void theChimeLastsExactlyWhatThePlannerReservesForIt(int rate) {
    assertEquals(TimelinePlanner.CHIME_LENGTH, Chime.generate(rate).duration());
  }
}
