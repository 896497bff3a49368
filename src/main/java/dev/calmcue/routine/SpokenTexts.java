package dev.calmcue.routine;

import dev.calmcue.routine.JsonValue.Arr;
import dev.calmcue.routine.JsonValue.Member;
import dev.calmcue.routine.JsonValue.Obj;
import dev.calmcue.routine.JsonValue.Str;
import dev.calmcue.routine.SpokenText.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds every spoken text of a valid routine's JSON tree, in file order, with its place. */
final class SpokenTexts {
  private final String source;
  private final int[] lineStarts;
  private final List<SpokenText> out = new ArrayList<>();

  private SpokenTexts(String source) {
    this.source = source;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static List<SpokenText> of(JsonValue root, String source, Routine routine) {
    SpokenTexts t = new SpokenTexts(source);
    if (root instanceof Obj o) {
      t.list(o, "preparation", Kind.PREPARATION);
      t.list(o, "safety", Kind.SAFETY);
      List<JsonValue> steps = items(o, "steps");
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i) instanceof Obj s) {
          String at = "steps[" + i + "]";
          t.add(member(s, "title"), at + ".title", Kind.TITLE, i, -1, false);
          t.add(member(s, "say"), at + ".say", Kind.INSTRUCTION, i, -1, false);
          List<JsonValue> prompts = items(s, "prompts");
          for (int j = 0; j < prompts.size(); j++) {
            if (prompts.get(j) instanceof Obj p) {
              boolean safety = routine.steps().get(i).prompts().get(j).safety();
              t.add(member(p, "say"), at + ".prompts[" + j + "].say", Kind.PROMPT, i, j, safety);
            }
          }
        }
      }
      t.add(member(o, "closing"), "closing", Kind.CLOSING, -1, -1, false);
    }
    return List.copyOf(t.out);
  }

  private void list(Obj o, String key, Kind kind) {
    List<JsonValue> items = items(o, key);
    for (int i = 0; i < items.size(); i++) {
      add(Optional.of(items.get(i)), key + "[" + i + "]", kind, -1, -1, kind == Kind.SAFETY);
    }
  }

  private void add(
      Optional<JsonValue> v, String path, Kind kind, int step, int prompt, boolean safety) {
    if (v.isPresent() && v.get() instanceof Str s) {
      out.add(
          new SpokenText(path, kind, step, prompt, safety, s.value(), s.at().line(), columns(s)));
    }
  }

  /**
   * The file column of each character of the string's value: the raw text after the opening quote
   * is decoded again, escape by escape (a JSON string never spans lines).
   */
  private int[] columns(Str s) {
    int[] cols = new int[s.value().length()];
    int line = s.at().line();
    int raw = line - 1 < lineStarts.length ? lineStarts[line - 1] + s.at().column() : 0;
    int column = s.at().column() + 1;
    for (int i = 0; i < cols.length; i++) {
      if (raw >= source.length()) {
        cols[i] = column; // cannot happen for a parsed string; stay at the end
        continue;
      }
      cols[i] = column;
      int width = 1;
      if (source.charAt(raw) == '\\' && raw + 1 < source.length()) {
        width = source.charAt(raw + 1) == 'u' ? 6 : 2;
      }
      raw += width;
      column += width;
    }
    return cols;
  }

  private static Optional<JsonValue> member(Obj o, String key) {
    Member m = o.members().get(key);
    return m == null ? Optional.empty() : Optional.of(m.value());
  }

  private static List<JsonValue> items(Obj o, String key) {
    return member(o, key)
        .filter(v -> v instanceof Arr)
        .map(v -> ((Arr) v).items())
        .orElse(List.of());
  }
}
