package dev.calmcue.routine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.calmcue.routine.JsonValue.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one strict JSON document into a {@link JsonValue} tree with positions, using Jackson's
 * streaming parser. A syntax error ends reading with one problem (line:column and a plain message);
 * a duplicate key is recorded and reading goes on, keeping the first value.
 */
final class JsonTreeReader {
  /**
   * A routine is four levels deep; anything far deeper is not a routine and must not blow the
   * stack.
   */
  private static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private final Path file;
  private final String text;
  private final List<Problem> problems;

  /** Where each open object or list began, innermost last, for "file ends before ... is closed". */
  private final Deque<Open> open = new ArrayDeque<>();

  private record Open(String kind, Position at) {}

  private JsonTreeReader(Path file, String text, List<Problem> problems) {
    this.file = file;
    this.text = text;
    this.problems = problems;
  }

  /**
   * The document in {@code text}, or a {@link RoutineException} with the one syntax problem.
   * Duplicate keys are added to {@code problems}.
   */
  static JsonValue read(Path file, String text, List<Problem> problems) {
    JsonTreeReader reader = new JsonTreeReader(file, text, problems);
    try (JsonParser parser = FACTORY.createParser(text)) {
      return reader.document(parser);
    } catch (JsonProcessingException e) {
      throw new RoutineException(List.of(reader.syntaxProblem(e)));
    } catch (IOException e) {
      // Reading from a String cannot fail with plain I/O.
      throw new UncheckedIOException(e);
    }
  }

  private JsonValue document(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      throw new RoutineException(
          List.of(new Problem(file, 0, 0, "", "file has no JSON in it (only blank space)")));
    }
    JsonValue root = value(p, "");
    Position extra;
    try {
      if (p.nextToken() == null) {
        return root;
      }
      extra = position(p.currentTokenLocation());
    } catch (JsonProcessingException e) {
      extra = position(e.getLocation()); // not even a token, e.g. a stray '}'
    }
    throw new RoutineException(
        List.of(
            new Problem(
                file,
                extra.line(),
                extra.column(),
                "",
                "unexpected text after the end of the document (the routine must be one JSON"
                    + " object)")));
  }

  private JsonValue value(JsonParser p, String path) throws IOException {
    Position at = position(p.currentTokenLocation());
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        return object(p, at, path);
      case START_ARRAY:
        return array(p, at, path);
      case VALUE_STRING:
        return new JsonValue.Str(at, p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonValue.Num(at, number(p.getText()), p.getText());
      case VALUE_TRUE:
        return new JsonValue.Bool(at, true);
      case VALUE_FALSE:
        return new JsonValue.Bool(at, false);
      case VALUE_NULL:
        return new JsonValue.Null(at);
      default:
        throw new IllegalStateException("unexpected token " + token);
    }
  }

  private JsonValue object(JsonParser p, Position at, String path) throws IOException {
    open.push(new Open("object", at));
    Map<String, JsonValue.Member> members = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Position keyAt = position(p.currentTokenLocation());
      p.nextToken();
      JsonValue v = value(p, join(path, key));
      JsonValue.Member first = members.get(key);
      if (first == null) {
        members.put(key, new JsonValue.Member(key, keyAt, v));
      } else {
        problems.add(
            new Problem(
                file,
                keyAt.line(),
                keyAt.column(),
                join(path, key),
                "duplicate field '"
                    + key
                    + "' (first written at line "
                    + first.keyAt().line()
                    + ", column "
                    + first.keyAt().column()
                    + "); keep only one"));
      }
    }
    open.pop();
    return new JsonValue.Obj(at, members);
  }

  private JsonValue array(JsonParser p, Position at, String path) throws IOException {
    open.push(new Open("list", at));
    List<JsonValue> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(p, path + "[" + items.size() + "]"));
    }
    open.pop();
    return new JsonValue.Arr(at, items);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * Jackson has checked the syntax; an exponent too large for BigDecimal is clamped, never thrown.
   */
  private static BigDecimal number(String literal) {
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException | ArithmeticException e) {
      boolean negative = literal.startsWith("-");
      boolean tiny = literal.toLowerCase().contains("e-");
      BigDecimal clamped = tiny ? new BigDecimal("1E-400") : new BigDecimal("1E+400");
      return negative ? clamped.negate() : clamped;
    }
  }

  private static Position position(JsonLocation loc) {
    return new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }

  private Problem syntaxProblem(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    Position at = loc == null ? new Position(1, 1) : position(loc);
    return new Problem(file, at.line(), at.column(), "", "invalid JSON: " + plainMessage(e, loc));
  }

  /**
   * A plain message for a syntax error, worked out from the kind of exception, the character the
   * parser stopped at, what comes before it and where the parser was; never from Jackson's English
   * wording, which changes between versions.
   */
  private String plainMessage(JsonProcessingException e, JsonLocation loc) {
    if (e instanceof StreamConstraintsException) {
      String what = String.valueOf(e.getOriginalMessage());
      if (what.contains("Number value length") || what.contains("String value length")) {
        return "a number or text is far too long";
      }
      return "nested too deeply (a routine is at most a few levels deep)";
    }
    if (e instanceof JsonEOFException eof) {
      JsonToken decoding = eof.getTokenBeingDecoded();
      if (decoding == JsonToken.VALUE_STRING || decoding == JsonToken.FIELD_NAME) {
        return "the file ends inside a string (a closing \" is missing)";
      }
      if (!open.isEmpty()) {
        Open o = open.peek();
        return "the file ends before the "
            + o.kind()
            + " opened at line "
            + o.at().line()
            + ", column "
            + o.at().column()
            + " is closed (a "
            + (o.kind().equals("object") ? "'}'" : "']'")
            + " is missing)";
      }
      return "the file ends too early";
    }
    int at = indexOf(loc);
    char c = at >= 0 && at < text.length() ? text.charAt(at) : 0;
    char before = previousSignificantChar(at);
    if ((c == '}' || c == ']') && before == ',') {
      return "a comma before '" + c + "' is not allowed in JSON (remove the last comma)";
    }
    if (c == '\'') {
      return "JSON needs double quotes (\"), not single quotes";
    }
    if (c == '/' || c == '#') {
      return "comments are not allowed in JSON";
    }
    if (controlCharInString(at)) {
      return "a line break or control character inside a string must be written as an escape like"
          + " \\n";
    }
    String word = wordAround(at);
    if (NON_STANDARD.contains(word)) {
      return "not a JSON value: '" + word + "'";
    }
    boolean afterEntry =
        before != 0 && before != ',' && before != '{' && before != '[' && before != ':';
    if (!open.isEmpty() && afterEntry && c != ',') {
      return open.peek().kind().equals("object")
          ? "a comma is missing before this (between two fields)"
          : "a comma is missing before this (between two list items)";
    }
    if (!word.isEmpty()) {
      return "unknown word '"
          + word
          + "': expected a value: text in double quotes, a number, true, false, null, an object or"
          + " a list";
    }
    boolean fieldExpected = before == '{' || before == ',';
    if (!open.isEmpty() && open.peek().kind().equals("object") && fieldExpected) {
      return "a field name must be text in double quotes, like \"title\"";
    }
    return c == 0 ? "not valid JSON here" : "'" + c + "' is not allowed here";
  }

  /** Words Jackson calls non-standard tokens: numbers JSON cannot write. */
  private static final java.util.Set<String> NON_STANDARD =
      java.util.Set.of("NaN", "Infinity", "-Infinity", "+Infinity", "INF", "-INF", "+INF");

  /** The index in the text of the line and column the parser reported; -1 if unknown. */
  private int indexOf(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1 || loc.getColumnNr() < 1) {
      return -1;
    }
    int index = 0;
    for (int line = 1; line < loc.getLineNr(); line++) {
      int nl = text.indexOf('\n', index);
      if (nl < 0) {
        return -1;
      }
      index = nl + 1;
    }
    return index + loc.getColumnNr() - 1;
  }

  /** True if an unescaped control character is at or right before {@code at}, inside a string. */
  private boolean controlCharInString(int at) {
    for (int i = Math.max(0, at - 1); i <= at && i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x20 && (insideString(i) || ch != '\n' && ch != '\r' && ch != '\t')) {
        return true;
      }
    }
    return false;
  }

  /** True if position {@code i} is inside a double-quoted string on its line. */
  private boolean insideString(int i) {
    int start = text.lastIndexOf('\n', i - 1) + 1;
    boolean in = false;
    for (int k = start; k < i; k++) {
      char ch = text.charAt(k);
      if (ch == '\\' && in) {
        k++;
      } else if (ch == '"') {
        in = !in;
      }
    }
    return in;
  }

  /** The run of letters, digits, '+' and '-' at or just before {@code at}; empty if none. */
  private String wordAround(int at) {
    if (at < 0 || at > text.length()) {
      return "";
    }
    int end = at;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    int start = Math.min(at, text.length());
    while (start > 0 && isWordChar(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, end);
  }

  private static boolean isWordChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '+' || ch == '-' || ch == '_';
  }

  /** The last non-blank character before index {@code at}; 0 if none. */
  private char previousSignificantChar(int at) {
    for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c;
      }
    }
    return 0;
  }
}
