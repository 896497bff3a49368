package dev.calmcue.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.SessionOutcome.Ending;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON form of history: one object per line in the file, and the same field names in {@code
 * calmcue history --json}. Mapped by hand so the records stay free of Jackson annotations and the
 * file format is spelled out in one place (see docs/history.md).
 */
public final class HistoryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String STARTED = "started";
  private static final String ENDED = "ended";

  private HistoryJson() {}

  /**
   * The record as a JSON object (interrupted sessions have null end, actualSeconds,
   * stepsCompleted).
   */
  public static ObjectNode toJson(HistoryRecord r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("schemaVersion", r.schemaVersion());
    o.put("sessionId", r.sessionId());
    o.put("routineId", r.routineId());
    o.put("routineTitle", r.routineTitle());
    o.put("start", time(r.start()));
    o.put("end", r.finish().map(f -> time(f.end())).orElse(null));
    putSeconds(o, "plannedSeconds", r.planned());
    if (r.finish().isPresent()) {
      putSeconds(o, "actualSeconds", r.finish().get().played());
      o.put("stepsCompleted", r.finish().get().stepsCompleted());
      if (r.finish().get().stalls() > 0) {
        o.put("stalls", r.finish().get().stalls());
      }
    } else {
      o.putNull("actualSeconds");
      o.putNull("stepsCompleted");
    }
    o.put("stepCount", r.stepCount());
    o.put("ending", r.ending().jsonName());
    o.put("reason", r.reason());
    r.stoppedBy().ifPresent(s -> o.put("stoppedBy", s.jsonName()));
    o.set("settings", settings(r.settings()));
    return o;
  }

  /** A session that is still running: only what is known at its start. */
  public static ObjectNode toJson(SessionStart s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("sessionId", s.sessionId());
    o.put("routineId", s.routineId());
    o.put("routineTitle", s.routineTitle());
    o.put("start", time(s.start()));
    putSeconds(o, "plannedSeconds", s.planned());
    o.put("stepCount", s.stepCount());
    o.set("settings", settings(s.settings()));
    return o;
  }

  /** One line of the file, without the newline. */
  static String encode(HistoryLine line) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("schemaVersion", HistoryRecord.SCHEMA_VERSION);
    if (line instanceof HistoryLine.Ended e) {
      o.put("type", ENDED);
      o.setAll(toJson(e.record()));
    } else {
      o.put("type", STARTED);
      o.setAll(toJson(((HistoryLine.Started) line).start()));
    }
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen for a tree of plain values", e);
    }
  }

  /**
   * Parses one line of the file.
   *
   * @throws IllegalArgumentException naming what is wrong, for a line that is not a record
   */
  static HistoryLine decode(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    int version = integer(node, "schemaVersion");
    if (version != HistoryRecord.SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion " + version + " is not supported (this calmcue reads version 1)");
    }
    SessionStart start =
        new SessionStart(
            text(node, "sessionId"),
            text(node, "routineId"),
            text(node, "routineTitle"),
            dateTime(node, "start"),
            duration(node, "plannedSeconds"),
            integer(node, "stepCount"),
            settings(field(node, "settings", JsonNodeType.OBJECT)));
    String type = text(node, "type");
    switch (type) {
      case STARTED:
        return new HistoryLine.Started(start);
      case ENDED:
        Ending ending = ending(text(node, "ending"));
        JsonNode reason = node.get("reason");
        String why = reason == null || reason.isNull() ? null : text(node, "reason");
        HistoryRecord.Finish finish =
            new HistoryRecord.Finish(
                dateTime(node, "end"),
                duration(node, "actualSeconds"),
                integer(node, "stepsCompleted"),
                stoppedBy(node),
                node.has("stalls") ? integer(node, "stalls") : 0);
        if (finish.end().isBefore(start.start())) {
          throw new IllegalArgumentException("end is before start");
        }
        return new HistoryLine.Ended(HistoryRecord.finished(start, ending, why, finish));
      default:
        throw new IllegalArgumentException("unknown type \"" + type + "\"");
    }
  }

  private static ObjectNode settings(RecordedSettings s) {
    ObjectNode o = MAPPER.createObjectNode();
    if (s.minutes().isPresent()) {
      o.put("minutes", s.minutes().getAsDouble());
    } else {
      o.putNull("minutes");
    }
    o.put("rate", s.wordsPerMinute());
    o.put("volume", s.volumePercent());
    o.put("bedtime", s.bedtime());
    o.put("chimes", s.chimes());
    o.put("engine", s.engine());
    o.put("textMode", s.textMode());
    o.put("preparation", s.preparation());
    o.put("music", s.music());
    o.put("musicVolume", s.musicVolumePercent());
    o.put("prompts", s.prompts().cliName());
    return o;
  }

  private static RecordedSettings settings(JsonNode o) {
    JsonNode minutes = o.get("minutes");
    OptionalDouble m;
    if (minutes == null || minutes.isNull()) {
      m = OptionalDouble.empty();
    } else if (minutes.isNumber()) {
      m = OptionalDouble.of(minutes.doubleValue());
    } else {
      throw new IllegalArgumentException("settings.minutes must be a number or null");
    }
    return new RecordedSettings(
        m,
        integer(o, "rate"),
        integer(o, "volume"),
        bool(o, "bedtime"),
        bool(o, "chimes"),
        text(o, "engine"),
        bool(o, "textMode"),
        bool(o, "preparation"),
        o.has("music") ? text(o, "music") : RecordedSettings.NO_MUSIC,
        o.has("musicVolume") ? integer(o, "musicVolume") : RecordedSettings.UNRECORDED_MUSIC_VOLUME,
        o.has("prompts") ? prompts(text(o, "prompts")) : PromptAmount.NORMAL);
  }

  /** Lines written before music and prompts were recorded read as no music, every prompt. */
  private static PromptAmount prompts(String name) {
    for (PromptAmount p : PromptAmount.values()) {
      if (p.cliName().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown settings.prompts \"" + name + "\"");
  }

  /** An unknown source (written by a newer calmcue) reads as unknown, not as an error. */
  private static Optional<ControlSource> stoppedBy(JsonNode node) {
    JsonNode by = node.get("stoppedBy");
    return by == null || !by.isTextual() ? Optional.empty() : ControlSource.ofJsonName(by.asText());
  }

  private static Ending ending(String name) {
    for (Ending e : Ending.values()) {
      if (e.jsonName().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown ending \"" + name + "\"");
  }

  private static String time(OffsetDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Whole seconds as an integer, otherwise seconds with up to three decimals. */
  private static void putSeconds(ObjectNode o, String name, Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 == 0) {
      o.put(name, millis / 1000);
    } else {
      o.put(name, BigDecimal.valueOf(millis, 3).stripTrailingZeros());
    }
  }

  private static JsonNode field(JsonNode o, String name, JsonNodeType type) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing " + name);
    }
    if (v.getNodeType() != type) {
      throw new IllegalArgumentException(name + " must be " + type.name().toLowerCase(Locale.ROOT));
    }
    return v;
  }

  private static String text(JsonNode o, String name) {
    return field(o, name, JsonNodeType.STRING).asText();
  }

  private static boolean bool(JsonNode o, String name) {
    return field(o, name, JsonNodeType.BOOLEAN).asBoolean();
  }

  private static int integer(JsonNode o, String name) {
    JsonNode v = field(o, name, JsonNodeType.NUMBER);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    return v.intValue();
  }

  /** Longer than any session (a year): a larger number is damage, not a session. */
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(366L * 24 * 3600);

  private static Duration duration(JsonNode o, String name) {
    BigDecimal s = field(o, name, JsonNodeType.NUMBER).decimalValue();
    if (s.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    if (s.compareTo(MAX_SECONDS) > 0) {
      // a longValue() of 1e308 would wrap around to nonsense
      throw new IllegalArgumentException(name + " is out of range (" + s + ")");
    }
    return Duration.ofMillis(s.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
  }

  private static OffsetDateTime dateTime(JsonNode o, String name) {
    String s = text(o, name);
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not a date-time with offset: \"" + s + "\"");
    }
  }
}
