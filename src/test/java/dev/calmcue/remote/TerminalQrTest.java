package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TerminalQrTest {
  private static final String LINK =
      "http://192.168.1.20:8765/?token=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

  @Test
  void each_character_holds_two_modules_and_the_picture_is_the_code() {
    QrCode qr = QrCode.encodeText(LINK, QrCode.Ecc.LOW);
    List<String> lines = TerminalQr.render(LINK).lines().toList();
    int quiet = 2;
    int width = qr.size + 2 * quiet;
    assertEquals((width + 1) / 2, lines.size());
    for (int row = 0; row < width; row++) {
      for (int x = 0; x < width; x++) {
        char c = lines.get(row / 2).charAt(x);
        boolean light = row % 2 == 0 ? (c == '█' || c == '▀') : (c == '█' || c == '▄');
        int mx = x - quiet;
        int my = row - quiet;
        boolean inside = mx >= 0 && my >= 0 && mx < qr.size && my < qr.size;
        assertEquals(!inside || !qr.getModule(mx, my), light, "module " + mx + "," + my);
      }
    }
  }

  @Test
  void the_quiet_zone_is_drawn_light_all_round() {
    List<String> lines = TerminalQr.render(LINK).lines().toList();
    assertTrue(lines.get(0).chars().allMatch(c -> c == '█'), lines.get(0));
    for (String line : lines) {
      assertTrue(line.startsWith("██") && line.endsWith("██"), line);
      assertEquals(lines.get(0).length(), line.length());
    }
  }
}
