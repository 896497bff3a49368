package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.session.SessionSnapshot;
import dev.calmcue.session.SessionSnapshot.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private static SessionSnapshot snapshot(Phase phase, int step, String speaking) {
    return new SessionSnapshot(
        "back-massage",
        "Back massage",
        phase,
        step,
        6,
        "Alternate stroking",
        Duration.ofSeconds(95),
        Duration.ofMinutes(6),
        Duration.ofSeconds(32),
        Duration.ofSeconds(60),
        speaking,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void render_showsRoutineStepTimesBarAndSpeech() {
    String line = StatusLine.render(snapshot(Phase.PLAYING, 1, "Keep a gentle rhythm."), 200);
    assertEquals(
        "Back massage | step 2/6 Alternate stroking 0:32 (0:28 left) | 1:35 of 6:00 (4:25 left)"
            + " [###---------] \"Keep a gentle rhythm.\"",
        line);
  }

  @Test
  void render_saysPausedAndWaiting() {
    assertTrue(
        StatusLine.render(snapshot(Phase.PAUSED, 1, ""), 200).contains("PAUSED (space resumes)"));
    assertTrue(
        StatusLine.render(snapshot(Phase.WAITING_FOR_READY, -1, ""), 200)
            .contains("press space when ready"));
  }

  @Test
  void render_fitsTheTerminalWidth() {
    String line =
        StatusLine.render(snapshot(Phase.PLAYING, 1, "A very long instruction ".repeat(10)), 80);
    assertEquals(79, line.length());
    assertTrue(line.endsWith("…"));
  }
}
