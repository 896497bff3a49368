package dev.calmcue.remote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.plan.Cue;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import java.time.Duration;
import java.util.List;

/** The API's JSON shapes, written by hand so the wire format does not follow Java renames. */
final class RemoteJson {
  /** Strict about request bodies: a key given twice or anything after the JSON is refused. */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RemoteJson() {}

  static ArrayNode routines(List<RoutineSummary> routines) {
    ArrayNode array = MAPPER.createArrayNode();
    for (RoutineSummary r : routines) {
      ObjectNode o = array.addObject();
      o.put("id", r.id());
      o.put("title", r.title());
      ObjectNode minutes = o.putObject("minutes");
      minutes.put("min", r.minutes().min());
      minutes.put("max", r.minutes().max());
      o.put("steps", r.steps());
      o.put("written", seconds(r.written()));
    }
    return array;
  }

  static ObjectNode state(SessionState s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("status", s.status().jsonName());
    o.put("running", s.running());
    o.put("routine", s.routineId());
    o.put("title", s.title());
    if (s.stepIndex() >= 0) {
      ObjectNode step = o.putObject("step");
      step.put("index", s.stepIndex());
      step.put("number", s.stepIndex() + 1);
      step.put("count", s.stepCount());
      step.put("id", s.stepId());
      step.put("title", s.stepTitle());
      step.put("text", s.stepText());
      step.put("elapsed", seconds(s.stepElapsed()));
      step.put("total", seconds(s.stepTotal()));
    } else {
      o.putNull("step");
    }
    o.put("stepCount", s.stepCount());
    o.put("elapsed", seconds(s.elapsed()));
    o.put("total", seconds(s.total()));
    if (s.lastCue() != null) {
      o.set("lastCue", cue(s.lastCue()));
    } else {
      o.putNull("lastCue");
    }
    o.put("textMode", s.textMode());
    if (s.outcome() != null) {
      o.set("outcome", outcome(s.outcome()));
    } else {
      o.putNull("outcome");
    }
    return o;
  }

  static ObjectNode update(SessionUpdate update) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", update.type().jsonName());
    if (update.event() != null) {
      o.set("event", event(update.event()));
    } else {
      o.putNull("event");
    }
    o.set("state", state(update.state()));
    return o;
  }

  static ObjectNode event(SessionEvent event) {
    ObjectNode o = MAPPER.createObjectNode();
    if (event instanceof SessionEvent.StepStarted e) {
      o.put("index", e.index());
      o.put("count", e.count());
      o.put("id", e.stepId());
      o.put("title", e.title());
    } else if (event instanceof SessionEvent.CueStarted e) {
      return cue(e.cue());
    } else if (event instanceof SessionEvent.Progress e) {
      o.put("elapsed", seconds(e.sessionElapsed()));
      o.put("total", seconds(e.sessionTotal()));
      o.put("stepIndex", e.stepIndex());
      o.put("stepElapsed", seconds(e.stepElapsed()));
      o.put("stepTotal", seconds(e.stepTotal()));
      o.put("paused", e.paused());
    } else if (event instanceof SessionEvent.PauseChanged e) {
      o.put("paused", e.paused());
    } else if (event instanceof SessionEvent.WaitingForReady e) {
      o.put("timeout", seconds(e.timeout()));
    } else if (event instanceof SessionEvent.TextMode e) {
      o.put("reason", e.reason());
    } else if (event instanceof SessionEvent.Stalled e) {
      o.put("gap", seconds(e.gap()));
      o.put("paused", e.paused());
    } else if (event instanceof SessionEvent.Ended e) {
      return outcome(e.outcome());
    }
    return o;
  }

  static ObjectNode error(String message) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("error", message);
    return o;
  }

  private static ObjectNode cue(Cue cue) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("kind", cue.kind().jsonName());
    o.put("step", cue.stepId());
    o.put("text", cue.text());
    o.put("at", seconds(cue.at()));
    o.put("end", seconds(cue.end()));
    return o;
  }

  private static ObjectNode outcome(SessionOutcome outcome) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("ending", outcome.ending().jsonName());
    o.put("detail", outcome.detail());
    o.put("stepsCompleted", outcome.stepsCompleted());
    o.put("played", seconds(outcome.played()));
    return o;
  }

  /** Seconds with millisecond precision: what a progress ring and a clock need. */
  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
