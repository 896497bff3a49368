package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The accessibility audit of the phone page: axe-core (from npm, installed by .ci/run into
 * target/npm) for WCAG 2.2 A/AA and best practice, including the name-contains-visible-text rule,
 * plus the 3:1 contrast of every visible control's border, which axe does not check.
 */
final class PageAudit {
  static final String MISSING =
      "no axe-core: npm install --prefix target/npm axe-core (.ci/run does)";
  private static final Path DEFAULT =
      Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");

  private final String axeSource;

  private PageAudit(String axeSource) {
    this.axeSource = axeSource;
  }

  /** The audit, or empty where axe-core is not installed. */
  static Optional<PageAudit> find() throws IOException {
    String configured = System.getProperty("calmcue.axe");
    Path axe = configured != null ? Path.of(configured) : DEFAULT;
    return Files.isRegularFile(axe)
        ? Optional.of(new PageAudit(Files.readString(axe)))
        : Optional.empty();
  }

  /** Fails with every violation found on the page as it is now. */
  void assertClean(WebDriverClient browser, String state) throws IOException {
    if (!browser.script("return typeof axe !== 'undefined'").asBoolean()) {
      browser.script(axeSource + "\nreturn true;");
    }
    JsonNode violations =
        browser.asyncScript(
            "axe.run(document, { runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                + " 'wcag21aa', 'wcag22aa', 'best-practice']}, rules:"
                + " {'label-content-name-mismatch': {enabled: true}}}).then(r =>"
                + " done(r.violations.map(v => v.id + ': ' + v.help + ' -> ' + v.nodes.map(n =>"
                + " n.target.join(' ') + ' ' + n.failureSummary).join(' | '))), e => done(['axe"
                + " failed: ' + e]));");
    assertEquals(0, violations.size(), state + ": " + violations);

    JsonNode borders = browser.script(BORDERS);
    System.out.println(
        "page audit ("
            + state
            + "): axe clean; lowest control border contrast "
            + borders.get("lowest").asText()
            + " ("
            + borders.get("where").asText()
            + ")");
    assertTrue(borders.get("lowest").asDouble() >= 3.0, state + ": control border " + borders);
  }

  /** The lowest contrast of a visible, enabled control's border against what surrounds it. */
  private static final String BORDERS =
      """
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      const ratio = (a, b) => { const x = lum(a), y = lum(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
      const backdrop = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
          const c = rgb(getComputedStyle(p).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0)) { return c.slice(0, 3); } }
        return rgb(getComputedStyle(document.body).backgroundColor).slice(0, 3); };
      let lowest = 99, where = 'none';
      for (const e of document.querySelectorAll('button, input')) {
        if (e.disabled || e.getClientRects().length === 0 || e.closest('[hidden]')) { continue; }
        const st = getComputedStyle(e);
        if (e.tagName === 'INPUT' || parseFloat(st.borderTopWidth) === 0) { continue; }
        const r = ratio(rgb(st.borderTopColor).slice(0, 3), backdrop(e));
        if (r < lowest) { lowest = r; where = '#' + e.id + (e.dataset.id || ''); }
      }
      return {lowest: lowest.toFixed(2), where: where};
      """;
}
