package dev.calmcue.voice;

import dev.calmcue.voice.SpokenStream.Condition;
import dev.calmcue.voice.SyntheticSpeech.Voice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures for docs/benchmarks.md (not a test): hit rate per voice family and condition, and false
 * commands per 100 negative utterances, with and without the wake word. Run with scripts/bench-voice.
 * Args: on|off [negative voices per sentence and condition, default 1].
 */
public final class VoiceBench {
  public static void main(String[] args) {
    boolean wake = args.length == 0 || args[0].equals("on");
    int negVoices = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    ListenSettings settings = ListenSettings.DEFAULT.withWakeWord(wake);
    List<Voice> voices = new ArrayList<>(SyntheticSpeech.TEST_VOICES);
    if (SyntheticSpeech.flitePresent()) {
      voices.addAll(SyntheticSpeech.BENCH_EXTRA);
    } else {
      SyntheticSpeech.BENCH_EXTRA.stream().filter(v -> !v.family().equals("flite")).forEach(voices::add);
    }
    // commands: every voice x every condition x every phrase
    List<SpokenStream> streams = new ArrayList<>();
    List<String> family = new ArrayList<>();
    int seed = 0;
    for (Voice v : voices) {
      List<String> labels = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<short[]> clips = new ArrayList<>();
      for (SpokenCommand c : SpokenCommand.values()) {
        for (String phrase : CommandGrammar.phrasesFor(c)) {
          String text = (wake ? "calm cue, " : "") + phrase;
          labels.add(c.name());
          texts.add(text);
          clips.add(SyntheticSpeech.say(v, text));
        }
      }
      for (Condition cond : Condition.values()) {
        streams.add(SpokenStream.of(labels, texts, clips, cond, seed++));
        family.add(v.family() + " " + cond);
      }
    }
    Map<String, List<String>> heard = Recognize.commandsHeard(streams, settings, null);
    Map<String, int[]> hits = new TreeMap<>();
    int total = 0;
    int ok = 0;
    for (int s = 0; s < streams.size(); s++) {
      for (SpokenStream.Said said : streams.get(s).said) {
        List<String> got = heard.getOrDefault(s + ":" + said.startMs(), List.of());
        boolean hit = got.equals(List.of(said.label()));
        int[] h = hits.computeIfAbsent(family.get(s), k -> new int[2]);
        h[0] += hit ? 1 : 0;
        h[1]++;
        ok += hit ? 1 : 0;
        total++;
        if (!hit) {
          System.out.println("miss: " + voices.get(s / 3).label() + " " + family.get(s) + " \"" + said.text() + "\" -> " + got);
        }
      }
    }
    System.out.printf("wake word %s: commands recognized %d/%d = %.1f%%%n", wake ? "on" : "off", ok, total, 100.0 * ok / total);
    hits.forEach((k, h) -> System.out.printf("  %-28s %d/%d = %.1f%%%n", k, h[0], h[1], 100.0 * h[0] / h[1]));

    // negatives: every routine sentence and parent talk line, in every condition, voices taking turns
    List<String> negatives = new ArrayList<>(SyntheticSpeech.routineSentences());
    negatives.addAll(SyntheticSpeech.parentTalk());
    List<SpokenStream> negStreams = new ArrayList<>();
    int n = 0;
    for (int rep = 0; rep < negVoices; rep++) {
      for (Condition cond : Condition.values()) {
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<short[]> clips = new ArrayList<>();
        for (int i = 0; i < negatives.size(); i++) {
          Voice v = voices.get((i + rep * 5 + cond.ordinal() * 3) % voices.size());
          labels.add(v.label());
          texts.add(negatives.get(i));
          clips.add(SyntheticSpeech.say(v, negatives.get(i)));
          n++;
        }
        negStreams.add(SpokenStream.of(labels, texts, clips, cond, 500 + seed++));
      }
    }
    Map<String, List<String>> fired = Recognize.commandsHeard(negStreams, settings, null);
    int falseCommands = fired.values().stream().mapToInt(List::size).sum();
    long falseStops =
        fired.values().stream().flatMap(List::stream).filter(c -> c.equals("STOP") || c.equals("FUSSY")).count();
    fired.forEach((k, c) -> System.out.println("false: " + k + " " + c + " " + said(negStreams, k)));
    System.out.printf(
        "wake word %s: %d false commands in %d negative utterances = %.2f per 100 (%d stop or fussy)%n",
        wake ? "on" : "off", falseCommands, n, 100.0 * falseCommands / n, falseStops);
  }

  private static String said(List<SpokenStream> streams, String key) {
    String[] p = key.split(":");
    SpokenStream s = streams.get(Integer.parseInt(p[0]));
    return s.said.stream().filter(x -> p[1].equals(Long.toString(x.startMs()))).map(x -> "\"" + x.text() + "\" (" + x.label() + ")").findFirst().orElse("");
  }
}
