package dev.calmcue.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.routine.Problem;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;

/** Routines and their problems as {@code show --json} and {@code validate --json} print them. */
final class RoutineJson {
  private RoutineJson() {}

  /** The whole routine, with each step's written start ({@code startsAt}) as the outline shows. */
  static ObjectNode routine(Routine r, ObjectNode into) {
    into.put("id", r.id());
    into.put("title", r.title());
    into.put("description", r.description());
    into.put("source", r.source());
    into.putObject("minutes").put("min", r.minutes().min()).put("max", r.minutes().max());
    into.put("writtenSeconds", r.writtenLength().toSeconds());
    r.preparation().forEach(into.putArray("preparation")::add);
    r.safety().forEach(into.putArray("safety")::add);
    ArrayNode steps = into.putArray("steps");
    long at = 0;
    for (Step s : r.steps()) {
      ObjectNode o = steps.addObject();
      o.put("id", s.id());
      o.put("title", s.title());
      o.put("startsAt", at);
      o.put("seconds", s.seconds());
      o.put("pace", s.pace());
      o.put("say", s.say());
      ArrayNode prompts = o.putArray("prompts");
      for (Prompt p : s.prompts()) {
        ObjectNode po = prompts.addObject();
        if (p instanceof Prompt.At a) {
          po.put("at", a.at());
        } else if (p instanceof Prompt.Every e) {
          po.put("every", e.every());
        }
        po.put("say", p.say());
        po.put("safety", p.safety());
      }
      at += s.seconds();
    }
    into.put("closing", r.closing());
    return into;
  }

  static ObjectNode problem(Problem p, ObjectNode into) {
    into.put("file", p.file().toString());
    into.put("line", p.line());
    into.put("column", p.column());
    into.put("path", p.path());
    into.put("message", p.message());
    into.put("text", p.render());
    return into;
  }
}
