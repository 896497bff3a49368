package dev.calmcue.voice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The spoken commands as a JSGF grammar, and the way back from recognized text to a command. The
 * grammar accepts exactly one command per utterance ("calm cue, pause"); everything else the parent
 * says must fall into the recognizer's out-of-grammar branch.
 */
public final class CommandGrammar {
  /** The wake phrase, as the dictionary spells it. */
  public static final String WAKE = "calm cue";

  /** The wake phrase's last word, the one a decoder squeezes in when it was not said. */
  public static final String WAKE_LAST_WORD = WAKE.substring(WAKE.lastIndexOf(' ') + 1);

  /** Every phrase and what it means; the grammar lists exactly these. */
  private static final Map<String, SpokenCommand> PHRASES = phrases();

  private final boolean wakeWord;

  private CommandGrammar(boolean wakeWord) {
    this.wakeWord = wakeWord;
  }

  /**
   * @param wakeWord whether every command starts with "calm cue"
   */
  public static CommandGrammar of(boolean wakeWord) {
    return new CommandGrammar(wakeWord);
  }

  public boolean wakeWord() {
    return wakeWord;
  }

  /** The grammar's name inside its JSGF text (and the file name, {@code NAME + ".gram"}). */
  public static final String NAME = "calmcue";

  /** The JSGF text for Sphinx. */
  public String jsgf() {
    StringBuilder b = new StringBuilder();
    b.append("#JSGF V1.0;\n\ngrammar ").append(NAME).append(";\n\n");
    b.append("public <command> = ").append(wakeWord ? WAKE + " " : "").append("<action>;\n\n");
    b.append("<action> = ").append(String.join(" | ", PHRASES.keySet())).append(";\n");
    return b.toString();
  }

  /**
   * The command {@code text} names, if it is exactly one phrase of this grammar (behind the wake
   * phrase when it is on). Case and extra spaces do not matter; anything more or less is no
   * command.
   */
  public Optional<SpokenCommand> parse(String text) {
    String t =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").strip().replaceAll("\\s+", " ");
    if (wakeWord) {
      if (!t.startsWith(WAKE + " ")) {
        return Optional.empty();
      }
      t = t.substring(WAKE.length() + 1);
    }
    return Optional.ofNullable(PHRASES.get(t));
  }

  /** The phrases that mean {@code command}, as spoken after the wake phrase. */
  public static List<String> phrasesFor(SpokenCommand command) {
    return PHRASES.entrySet().stream()
        .filter(e -> e.getValue() == command)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, SpokenCommand> phrases() {
    Map<String, SpokenCommand> m = new LinkedHashMap<>();
    m.put("ready", SpokenCommand.READY);
    m.put("pause", SpokenCommand.PAUSE);
    m.put("continue", SpokenCommand.RESUME);
    m.put("resume", SpokenCommand.RESUME);
    m.put("next", SpokenCommand.NEXT);
    m.put("repeat", SpokenCommand.REPEAT);
    m.put("stop", SpokenCommand.STOP);
    m.put("fussy", SpokenCommand.FUSSY);
    m.put("baby is fussy", SpokenCommand.FUSSY);
    m.put("the baby is fussy", SpokenCommand.FUSSY);
    return Collections.unmodifiableMap(m);
  }
}
