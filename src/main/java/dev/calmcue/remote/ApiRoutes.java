package dev.calmcue.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import dev.calmcue.CalmcueException;
import dev.calmcue.history.HistoryJson;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.music.MusicSettings;
import dev.calmcue.music.MusicStyle;
import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.Command;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** The JSON API under {@code /api/}: one table of routes, one place for every status code. */
final class ApiRoutes {
  private static final Map<String, Command> ACTIONS =
      Map.of(
          "pause", Command.PAUSE,
          "resume", Command.RESUME,
          "next", Command.NEXT,
          "repeat", Command.REPEAT,
          "stop", Command.STOP,
          "fussy", Command.FUSSY,
          "ready", Command.READY);
  private static final Set<String> START_FIELDS =
      Set.of(
          "routine",
          "minutes",
          "bedtime",
          "preparation",
          "chimes",
          "music",
          "musicVolume",
          "prompts");
  private static final int DEFAULT_HISTORY = 50;
  private static final int MAX_HISTORY = 1000;

  /** A request the API refuses, with the status and the one line to say. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    /** For 405: the methods that are allowed. */
    final String allow;

    Refusal(int status, String message) {
      this(status, message, null);
    }

    Refusal(int status, String message, String allow) {
      super(message, null, false, false);
      this.status = status;
      this.allow = allow;
    }
  }

  private final SessionHost host;
  private final EventStream events;

  ApiRoutes(SessionHost host, EventStream events) {
    this.host = host;
    this.events = events;
  }

  /** Answers one API request; {@code path} is the raw path, already known to start with /api. */
  void handle(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod();
    try {
      switch (path) {
        case "/api/routines" -> {
          only(method, "GET");
          HttpReplies.json(ex, 200, RemoteJson.routines(host.routines()));
        }
        case "/api/session" -> {
          only(method, "GET", "HEAD", "POST");
          if (!method.equals("POST")) { // HEAD: the same headers, no body (as for the page)
            HttpReplies.json(ex, 200, RemoteJson.state(host.state()));
          } else {
            start(ex);
          }
        }
        case "/api/events" -> {
          only(method, "GET");
          events.open(ex);
        }
        case "/api/history" -> {
          only(method, "GET");
          history(ex);
        }
        default -> {
          Command command =
              path.startsWith("/api/session/")
                  ? ACTIONS.get(path.substring("/api/session/".length()))
                  : null;
          if (command == null) {
            throw new Refusal(404, "no such API route: " + path);
          }
          only(method, "POST");
          // An action needs no body and never waits for one: stop and fussy act at once, however
          // slowly a body would trickle in (the server closes that connection after its limit).
          if (!host.send(command)) {
            throw new Refusal(409, "no session is running");
          }
          HttpReplies.json(ex, 202, RemoteJson.state(host.state()));
        }
      }
    } catch (Refusal r) {
      if (r.allow != null) {
        ex.getResponseHeaders().set("Allow", r.allow);
      }
      HttpReplies.error(ex, r.status, r.getMessage());
    }
  }

  private void start(HttpExchange ex) throws IOException, Refusal {
    StartRequest request = startRequest(parse(readBody(ex)));
    try {
      HttpReplies.json(ex, 201, RemoteJson.state(host.start(request)));
    } catch (SessionBusyException e) {
      throw new Refusal(409, e.getMessage());
    } catch (CalmcueException e) {
      throw new Refusal(e.kind() == CalmcueException.Kind.INPUT ? 400 : 500, e.getMessage());
    }
  }

  private void history(HttpExchange ex) throws IOException, Refusal {
    int limit = DEFAULT_HISTORY;
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("limit=")) {
          try {
            limit = Integer.parseInt(pair.substring(6));
          } catch (NumberFormatException e) {
            limit = -1;
          }
          if (limit < 1 || limit > MAX_HISTORY) {
            throw new Refusal(400, "limit must be a whole number from 1 to " + MAX_HISTORY);
          }
        }
      }
    }
    ArrayNode array = RemoteJson.MAPPER.createArrayNode();
    for (HistoryRecord r : host.history(limit)) {
      array.add(HistoryJson.toJson(r));
    }
    HttpReplies.json(ex, 200, array);
  }

  static StartRequest startRequest(JsonNode body) throws Refusal {
    if (!body.isObject()) {
      throw new Refusal(400, "the body must be a JSON object like {\"routine\": \"back-massage\"}");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!START_FIELDS.contains(field)) {
        throw new Refusal(
            400,
            "unknown field '"
                + field
                + "' (known: routine, minutes, bedtime, preparation, chimes, music, musicVolume,"
                + " prompts)");
      }
    }
    JsonNode routine = body.get("routine");
    if (routine == null || !routine.isTextual() || routine.asText().isBlank()) {
      throw new Refusal(400, "'routine' must be a routine id, e.g. \"back-massage\"");
    }
    JsonNode minutes = body.get("minutes");
    OptionalDouble m = OptionalDouble.empty();
    if (minutes != null && !minutes.isNull()) {
      if (!minutes.isNumber()) {
        throw new Refusal(400, "'minutes' must be a number without quotes, e.g. 8");
      }
      if (!(minutes.asDouble() > 0) || minutes.asDouble() > 600) {
        throw new Refusal(400, "'minutes' must be a number of minutes from above 0 to 600");
      }
      m = OptionalDouble.of(minutes.asDouble());
    }
    boolean bedtime = flag(body, "bedtime", false);
    return new StartRequest(
        routine.asText(),
        m,
        bedtime,
        flag(body, "preparation", true), // like play: the checklist first, then "Ready?"
        flag(body, "chimes", true),
        prompts(body.get("prompts")),
        music(body, bedtime));
  }

  /** Like play's --music and --music-volume: off unless asked for, the lullaby at bedtime. */
  private static MusicSettings music(JsonNode body, boolean bedtime) throws Refusal {
    JsonNode style = body.get("music");
    MusicStyle chosen = bedtime ? MusicStyle.LULLABY : MusicStyle.OFF;
    if (style != null && !style.isNull()) {
      if (!style.isTextual() || MusicStyle.named(style.asText()).isEmpty()) {
        throw new Refusal(400, "'music' must be \"lullaby\", \"pulse\" or \"off\"");
      }
      chosen = MusicStyle.named(style.asText()).orElseThrow();
    }
    JsonNode volume = body.get("musicVolume");
    int percent = MusicSettings.DEFAULT_VOLUME;
    if (volume != null && !volume.isNull()) {
      if (!volume.isIntegralNumber() || volume.asInt() < 0 || volume.asInt() > 100) {
        throw new Refusal(400, "'musicVolume' must be a whole number from 0 to 100");
      }
      percent = volume.asInt();
    }
    return new MusicSettings(chosen, percent);
  }

  /** "few" or "normal" (the default), as {@code --prompts}. */
  private static PromptAmount prompts(JsonNode v) throws Refusal {
    if (v == null || v.isNull()) {
      return PromptAmount.NORMAL;
    }
    for (PromptAmount p : PromptAmount.values()) {
      if (v.isTextual() && p.cliName().equals(v.asText())) {
        return p;
      }
    }
    throw new Refusal(400, "'prompts' must be \"few\" or \"normal\"");
  }

  private static boolean flag(JsonNode body, String name, boolean otherwise) throws Refusal {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isBoolean()) {
      throw new Refusal(400, "'" + name + "' must be true or false");
    }
    return v.asBoolean();
  }

  private static JsonNode parse(byte[] body) throws Refusal {
    if (body.length == 0) {
      throw new Refusal(400, "empty body; send a JSON object like {\"routine\": \"back-massage\"}");
    }
    try {
      JsonNode node = RemoteJson.MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new Refusal(
            400, "empty body; send a JSON object like {\"routine\": \"back-massage\"}");
      }
      return node;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new Refusal(400, "bad JSON" + where + ": " + plainJsonProblem(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new Refusal(400, "bad JSON: " + firstLine(e.getMessage()));
    }
  }

  /** The request body, refusing anything over the limit before reading it all. */
  static byte[] readBody(HttpExchange ex) throws IOException, Refusal {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw new Refusal(400, "bad Content-Length");
      }
      if (n > RemoteSettings.MAX_BODY) {
        throw new Refusal(413, "the body is over " + RemoteSettings.MAX_BODY / 1024 + " KB");
      }
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(RemoteSettings.MAX_BODY + 1);
    } catch (IOException e) {
      // The JDK's decoder refused the body (a bad chunk, a stream cut short): the client's
      // mistake, said in the API's JSON like every other refusal (a client that left hears
      // nothing).
      throw new Refusal(400, "the request body could not be read: " + firstLine(e.getMessage()));
    }
    if (body.length > RemoteSettings.MAX_BODY) {
      throw new Refusal(413, "the body is over " + RemoteSettings.MAX_BODY / 1024 + " KB");
    }
    return body;
  }

  private static void only(String method, String... allowed) throws Refusal {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    String allow = String.join(", ", allowed);
    throw new Refusal(405, method + " is not allowed here; use " + allow, allow);
  }

  /** Jackson's message without its internals (feature names, Java types). */
  static String plainJsonProblem(String message) {
    String m = firstLine(message);
    if (m.startsWith("Duplicate field ")) {
      return "a key is given twice (" + m.substring("Duplicate field ".length()) + ")";
    }
    if (m.startsWith("Trailing token")) {
      return "there is more after the JSON object; send one object only";
    }
    if (m.contains("StreamReadConstraints") || m.contains("exceeds the maximum")) {
      return "a number or text in it is too long";
    }
    int feature = m.indexOf("; (JsonReadFeature");
    if (feature < 0) {
      feature = m.indexOf(" (JsonReadFeature");
    }
    return feature < 0 ? m : m.substring(0, feature);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
