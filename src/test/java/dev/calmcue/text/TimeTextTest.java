package dev.calmcue.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  @Test
  void clock_isMinutesAndSeconds_thenHoursFromAnHourOn() {
    assertEquals("0:00", TimeText.clock(Duration.ZERO));
    assertEquals("6:15", TimeText.clock(Duration.ofMillis(375_999)));
    assertEquals("59:59", TimeText.clock(Duration.ofSeconds(3599)));
    assertEquals("1:00:00", TimeText.clock(Duration.ofHours(1)));
    assertEquals("0:00", TimeText.clock(Duration.ofSeconds(-5)), "never negative");
  }

  @Test
  void minutes_neverTurnIntoHours() {
    assertEquals("75:00", TimeText.minutes(Duration.ofMinutes(75)));
  }

  @Test
  void padded_hasTwoDigitsEach() {
    assertEquals("01:00", TimeText.padded(Duration.ofSeconds(60)));
    assertEquals("00:05", TimeText.padded(Duration.ofSeconds(5)));
  }

  @Test
  void tenths_roundToTheNearestTenth() {
    assertEquals("1:02.5", TimeText.tenths(Duration.ofMillis(62_460)));
    assertEquals("0:00.0", TimeText.tenths(Duration.ZERO));
  }
}
