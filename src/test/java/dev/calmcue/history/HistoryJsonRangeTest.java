package dev.calmcue.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.session.SessionOutcome.Ending;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Numbers and times in a history line that no session can have are damage, not a session. */
class HistoryJsonRangeTest {
  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-25T19:30:00+01:00");

  static String endLine() {
    return HistoryJson.encode(
        new HistoryLine.Ended(Sessions.ended("back-massage", AT, Ending.COMPLETED, null)));
  }

  @Test
  void anActualSecondsOf1e308_isADamagedLine_notZero() {
    String line = endLine().replaceFirst("\"actualSeconds\":[0-9.]+", "\"actualSeconds\":1e308");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.decode(line));

    assertTrue(e.getMessage().startsWith("actualSeconds is out of range ("), e.getMessage());
  }

  @Test
  void anEndBeforeItsStart_isADamagedLine() {
    String line =
        endLine().replaceFirst("\"end\":\"[^\"]+\"", "\"end\":\"2026-11-24T19:30:00+01:00\"");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.decode(line));

    assertEquals("end is before start", e.getMessage());
  }
}
