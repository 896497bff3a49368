package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandGrammarTest {
  private final CommandGrammar wake = CommandGrammar.of(true);
  private final CommandGrammar bare = CommandGrammar.of(false);

  @Test
  void everyCommandHasAPhraseAndEveryPhraseParsesBackToItsCommand() {
    EnumSet<SpokenCommand> seen = EnumSet.noneOf(SpokenCommand.class);
    for (SpokenCommand c : SpokenCommand.values()) {
      for (String phrase : CommandGrammar.phrasesFor(c)) {
        assertEquals(Optional.of(c), wake.parse("calm cue " + phrase), phrase);
        assertEquals(Optional.of(c), bare.parse(phrase), phrase);
        seen.add(c);
      }
    }
    assertEquals(EnumSet.allOf(SpokenCommand.class), seen);
  }

  @Test
  void synonymsMapToTheSameCommand() {
    assertEquals(Optional.of(SpokenCommand.RESUME), wake.parse("calm cue continue"));
    assertEquals(Optional.of(SpokenCommand.RESUME), wake.parse("calm cue resume"));
    assertEquals(Optional.of(SpokenCommand.FUSSY), wake.parse("calm cue fussy"));
    assertEquals(Optional.of(SpokenCommand.FUSSY), wake.parse("calm cue baby is fussy"));
    assertEquals(Optional.of(SpokenCommand.FUSSY), wake.parse("calm cue the baby is fussy"));
  }

  @Test
  void caseCommasAndSpacesDoNotMatter() {
    assertEquals(Optional.of(SpokenCommand.PAUSE), wake.parse("  Calm Cue,   PAUSE. "));
  }

  @Test
  void withTheWakeWordOnABareCommandIsNoCommand() {
    assertEquals(Optional.empty(), wake.parse("pause"));
    assertEquals(Optional.empty(), wake.parse("calm pause"));
    assertEquals(Optional.empty(), wake.parse("calm cue"));
  }

  @Test
  void anythingMoreOrLessThanOnePhraseIsNoCommand() {
    assertEquals(Optional.empty(), bare.parse(""));
    assertEquals(Optional.empty(), bare.parse("stop stop"));
    assertEquals(Optional.empty(), bare.parse("i don't want to stop yet"));
    assertEquals(Optional.empty(), bare.parse("next we do your legs"));
    assertEquals(Optional.empty(), bare.parse("baby"));
    assertEquals(Optional.empty(), wake.parse("calm cue stop now"));
  }

  @Test
  void theJsgfListsOnePublicRuleWithTheWakePhraseAndEveryPhrase() {
    String g = wake.jsgf();
    assertTrue(g.startsWith("#JSGF V1.0;"), g);
    assertTrue(g.contains("grammar calmcue;"), g);
    assertTrue(g.contains("public <command> = calm cue <action>;"), g);
    for (SpokenCommand c : SpokenCommand.values()) {
      for (String phrase : CommandGrammar.phrasesFor(c)) {
        assertTrue(g.contains(phrase), phrase);
      }
    }
    assertTrue(bare.jsgf().contains("public <command> = <action>;"), bare.jsgf());
  }
}
