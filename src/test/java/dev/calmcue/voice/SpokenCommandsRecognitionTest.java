package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.voice.SpokenStream.Condition;
import dev.calmcue.voice.SyntheticSpeech.Voice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real recognizer (Sphinx4, wake word on, default thresholds) on synthetic speech fed through
 * the stream input: FreeTTS and espeak-ng voices (US and British, female and male, two rates), each
 * quiet and either in pink noise at 21 dB SNR or with reverb plus noise. Every command said quietly
 * must be heard as itself, at least 97% in noise or reverb, never as a stop or fussy it was not;
 * every sentence of the bundled routines and of a parent's talk and songs must yield no command.
 */
class SpokenCommandsRecognitionTest {
  @BeforeAll
  static void tools() {
    assumeTrue(SyntheticSpeech.espeakPresent(), "espeak-ng is not installed");
    assumeTrue(SyntheticSpeech.soxPresent(), "sox is not installed");
  }

  /** Every command (each of its phrases) by every test voice, quiet and in noise or reverb. */
  @Test
  void everyCommandIsRecognizedInQuietAndAtLeast97PercentInNoiseOrReverb() {
    List<String> labels = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<short[]> clips = new ArrayList<>();
    List<SpokenStream> streams = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    int seed = 0;
    for (Voice v : SyntheticSpeech.TEST_VOICES) {
      labels.clear();
      texts.clear();
      clips.clear();
      for (SpokenCommand c : SpokenCommand.values()) {
        for (String phrase : CommandGrammar.phrasesFor(c)) {
          String text = "calm cue, " + phrase;
          labels.add(c.name() + " " + v.label());
          texts.add(text);
          clips.add(SyntheticSpeech.say(v, text));
        }
      }
      // every voice quiet, and in one of the two hard conditions, taking turns (the full grid,
      // with more voices, is the benchmark's: VoiceBench)
      streams.add(SpokenStream.of(labels, texts, clips, Condition.QUIET, seed++));
      Condition hard = seed % 4 == 1 ? Condition.NOISE : Condition.REVERB_NOISE;
      streams.add(SpokenStream.of(labels, texts, clips, hard, seed++));
      conditions.add(Condition.QUIET);
      conditions.add(hard);
    }
    Map<String, List<String>> heard = listen(streams);
    List<String> quietMisses = new ArrayList<>();
    List<String> hardMisses = new ArrayList<>();
    List<String> falseEnds = new ArrayList<>();
    int hard = 0;
    for (int s = 0; s < streams.size(); s++) {
      Condition cond = conditions.get(s);
      for (SpokenStream.Said said : streams.get(s).said) {
        hard += cond == Condition.QUIET ? 0 : 1;
        List<String> got = heard.getOrDefault(s + ":" + said.startMs(), List.of());
        String want = said.label().split(" ")[0];
        if (got.equals(List.of(want))) {
          continue;
        }
        String miss = said.label() + " " + cond + " \"" + said.text() + "\" -> " + got;
        (cond == Condition.QUIET ? quietMisses : hardMisses).add(miss);
        if (got.stream()
            .anyMatch(c -> !c.equals(want) && (c.equals("STOP") || c.equals("FUSSY")))) {
          falseEnds.add(miss);
        }
      }
    }
    assertTrue(hard >= 90, "corpus size " + hard);
    assertEquals(List.of(), quietMisses, "quiet commands not recognized as themselves");
    assertEquals(List.of(), falseEnds, "commands heard as a stop or fussy they were not");
    // in noise and reverb the target, 97%; known: FreeTTS kevin16's "repeat" in pink noise
    // is heard as "ready" (harmless: ready only answers "Ready?")
    assertTrue(
        hardMisses.size() <= hard * 3 / 100,
        "in noise or reverb, recognized less than 97%: " + hardMisses);
  }

  /** Routine sentences and parent talk, each once, voices and conditions taking turns. */
  @Test
  void routineSentencesAndParentTalkYieldNoCommand() {
    List<String> negatives = new ArrayList<>(SyntheticSpeech.routineSentences());
    negatives.addAll(SyntheticSpeech.parentTalk());
    assertTrue(negatives.size() >= 40, "negative set " + negatives.size());
    List<SpokenStream> streams = new ArrayList<>();
    int voices = SyntheticSpeech.TEST_VOICES.size();
    for (int cond = 0; cond < Condition.ROOMS.size(); cond++) {
      List<String> labels = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<short[]> clips = new ArrayList<>();
      for (int i = cond; i < negatives.size(); i += Condition.ROOMS.size()) {
        Voice v = SyntheticSpeech.TEST_VOICES.get(i % voices);
        labels.add(v.label());
        texts.add(negatives.get(i));
        clips.add(SyntheticSpeech.say(v, negatives.get(i)));
      }
      streams.add(SpokenStream.of(labels, texts, clips, Condition.ROOMS.get(cond), 100 + cond));
    }
    Map<String, List<String>> heard = listen(streams);
    List<String> fired = new ArrayList<>();
    heard.forEach((where, commands) -> fired.add(where + " " + commands));
    assertEquals(List.of(), fired, "negatives that fired a command");
  }

  private static Map<String, List<String>> listen(List<SpokenStream> streams) {
    return Recognize.commandsHeard(streams, ListenSettings.DEFAULT, null);
  }
}
