package dev.calmcue.remote;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as text for a terminal: two rows of modules per line with Unicode half blocks. Light
 * modules are drawn, dark ones left blank, which reads correctly on the usual dark terminal.
 */
public final class TerminalQr {
  private static final int QUIET = 2;

  private TerminalQr() {}

  /** The lines of the code for {@code text}, each the same width. */
  public static String render(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
    int size = qr.size;
    StringBuilder out = new StringBuilder();
    for (int y = -QUIET; y < size + QUIET; y += 2) {
      for (int x = -QUIET; x < size + QUIET; x++) {
        boolean top = light(qr, x, y);
        boolean bottom = y + 1 >= size + QUIET || light(qr, x, y + 1);
        out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static boolean light(QrCode qr, int x, int y) {
    boolean inside = x >= 0 && y >= 0 && x < qr.size && y < qr.size;
    return !inside || !qr.getModule(x, y);
  }
}
