package dev.calmcue.cli;

import dev.calmcue.plan.Cue;
import dev.calmcue.plan.DroppedCue;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.routine.Routine;
import dev.calmcue.text.TimeText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A timeline as people read it (a table) and as scripts read it (JSON). */
final class PlanReport {
  private PlanReport() {}

  /** The fixed JSON shape of {@code calmcue plan --json}; times in seconds from session start. */
  static String json(Timeline t, Routine r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", JsonOutput.SCHEMA_VERSION);
    root.put("routine", t.routineId());
    root.put("totalSeconds", seconds(t.total()));
    List<Map<String, Object>> cues = new ArrayList<>();
    for (Cue c : t.cues()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", seconds(c.at()));
      m.put("end", seconds(c.end()));
      m.put("kind", c.kind().jsonName());
      m.put("step", c.stepId());
      m.put("text", c.text());
      cues.add(m);
    }
    root.put("cues", cues);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (StepSpan span : t.steps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", span.id());
      m.put("start", seconds(span.start()));
      m.put("end", seconds(span.end()));
      m.put("pace", r.steps().get(span.index()).pace());
      steps.add(m);
    }
    root.put("steps", steps);
    List<Map<String, Object>> dropped = new ArrayList<>();
    for (DroppedCue d : t.dropped()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", seconds(d.at()));
      m.put("kind", d.kind().jsonName());
      m.put("step", d.stepId());
      m.put("text", d.text());
      m.put("reason", d.reason());
      dropped.add(m);
    }
    root.put("dropped", dropped);
    return JsonOutput.text(JsonOutput.tree(root)).stripTrailing(); // printed with println
  }

  static String table(Timeline t, Routine r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %s, %s in all, steps from %s%n",
            t.routineId(),
            t.title(),
            clock(t.total()),
            clock(t.stepsStart())));
    sb.append(
        String.format(
            Locale.ROOT, "%-8s %-8s %-12s %-24s %s%n", "AT", "END", "KIND", "STEP", "TEXT"));
    for (Cue c : t.cues()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-8s %-8s %-12s %-24s %s%n",
              clock(c.at()),
              clock(c.end()),
              c.kind().jsonName(),
              c.stepId() == null ? "-" : c.stepId(),
              c.text()));
    }
    sb.append("Pace (strokes a minute; --music keeps it):").append(System.lineSeparator());
    for (StepSpan span : t.steps()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-8s %-8s %-24s %d%n",
              clock(span.start()),
              clock(span.end()),
              span.id(),
              r.steps().get(span.index()).pace()));
    }
    if (t.dropped().isEmpty()) {
      sb.append("Nothing dropped.").append(System.lineSeparator());
    } else {
      sb.append(t.dropped().size())
          .append(" cue(s) dropped to keep cues from overlapping:")
          .append(System.lineSeparator());
      for (DroppedCue d : t.dropped()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-8s %-8s %-24s %s (%s)%n",
                clock(d.at()),
                d.kind().jsonName(),
                d.stepId() == null ? "-" : d.stepId(),
                d.text(),
                d.reason()));
      }
    }
    return sb.toString();
  }

  static BigDecimal seconds(Duration d) {
    return BigDecimal.valueOf(d.toNanos(), 9)
        .setScale(3, RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }

  static String clock(Duration d) {
    return TimeText.tenths(d);
  }
}
