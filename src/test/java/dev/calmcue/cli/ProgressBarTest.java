package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private long now = 1_000_000_000L;
  private final StringWriter text = new StringWriter();
  private final ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> now, true);

  @Test
  void shortRender_showsNothing() {
    now += 900_000_000L;
    bar.rendered(50, 100);
    bar.rendered(100, 100);
    bar.finished();
    assertEquals("", text.toString());
  }

  @Test
  void notATerminal_showsNothingEver() {
    ProgressBar hidden = new ProgressBar(new PrintWriter(text), () -> now, false);
    now += 5_000_000_000L;
    hidden.clipReady();
    hidden.rendered(50, 100);
    hidden.finished();
    assertEquals("", text.toString());
  }

  @Test
  void slowSpeech_countsTheClipsThenTheBarTakesOver() {
    bar.clipReady();
    assertEquals("", text.toString(), "nothing in the first second");
    now += 1_500_000_000L;
    bar.clipReady();
    assertEquals("\rpreparing speech: 2 clips", text.toString());
    now += 200_000_000L;
    bar.rendered(100, 100);
    assertTrue(
        text.toString().endsWith("\rrendering [" + "#".repeat(30) + "] 100%"), text.toString());
    bar.finished();
    assertTrue(text.toString().endsWith(" \r"));
  }

  @Test
  void longRender_drawsThePercentageAndErasesItself() {
    now += 1_200_000_000L;
    bar.rendered(50, 100);
    assertTrue(
        text.toString().startsWith("\rrendering [###############...............] 50%"),
        text.toString());
    now += 10_000_000L;
    bar.rendered(60, 100);
    assertEquals(1, text.toString().split("rendering").length - 1, "at most ten redraws a second");
    now += 200_000_000L;
    bar.rendered(100, 100);
    assertTrue(text.toString().contains("100%"));
    bar.finished();
    assertTrue(
        text.toString().endsWith("\r" + " ".repeat("rendering [] 100%".length() + 30) + "\r"));
  }
}
