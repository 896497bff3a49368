package dev.calmcue.voice;

import dev.calmcue.voice.SpokenStream.Condition;
import dev.calmcue.voice.SyntheticSpeech.Voice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures for docs/benchmarks.md (not a test): hit rate per voice family and condition, and false
 * commands per 100 negative utterances, with and without the wake word. Run with
 * scripts/bench-voice. Args: on|off [negative voices per sentence and condition, default 1]
 * [rooms|lullaby: quiet, noise and reverb (default), or the lullaby bed 10 and 0 dB under the
 * voice].
 */
public final class VoiceBench {
  public static void main(String[] args) {
    boolean wake = args.length == 0 || args[0].equals("on");
    int negVoices = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<Condition> conditions =
        args.length > 2 && args[2].equals("lullaby")
            ? List.of(Condition.LULLABY_20DB, Condition.LULLABY_10DB, Condition.LULLABY_0DB)
            : Condition.ROOMS;
    DecoderSettings d = DecoderSettings.forWakeWord(wake);
    // experiments: -Dbench.beam=1e-80 -Dbench.phoneInsertion=1e-5 -Dbench.speechThreshold=7
    d =
        new DecoderSettings(
            Double.parseDouble(System.getProperty("bench.beam", Double.toString(d.relativeBeam()))),
            d.outOfGrammarProbability(),
            Double.parseDouble(
                System.getProperty(
                    "bench.phoneInsertion", Double.toString(d.phoneInsertionProbability()))),
            Double.parseDouble(
                System.getProperty("bench.speechThreshold", Double.toString(d.speechThreshold()))),
            d.speechLeaderMs(),
            d.endSilenceMs());
    ListenSettings settings =
        new ListenSettings(
            wake,
            ListenSettings.DEFAULT.minMargin(),
            Double.parseDouble(
                System.getProperty(
                    "bench.endingMargin", Double.toString(ListenSettings.DEFAULT.endingMargin()))),
            ListenSettings.DEFAULT.maxUtterance(),
            ListenSettings.DEFAULT.echoLatency(),
            ListenSettings.DEFAULT.echoTail(),
            d);
    CommandGrammar grammar = CommandGrammar.of(wake);
    List<Voice> voices = new ArrayList<>(SyntheticSpeech.TEST_VOICES);
    if (SyntheticSpeech.flitePresent()) {
      voices.addAll(SyntheticSpeech.BENCH_EXTRA);
    } else {
      SyntheticSpeech.BENCH_EXTRA.stream()
          .filter(v -> !v.family().equals("flite"))
          .forEach(voices::add);
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
      for (Condition cond : conditions) {
        streams.add(SpokenStream.of(labels, texts, clips, cond, seed++));
        family.add(v.family() + " " + cond);
      }
    }
    Map<String, List<Hypothesis>> heard = Recognize.phrasesHeard(streams, settings);
    Map<String, int[]> hits = new TreeMap<>();
    int total = 0;
    int ok = 0;
    // per command said: its label and the phrases heard then, for any other threshold
    List<String> saidLabels = new ArrayList<>();
    List<List<Hypothesis>> saidPhrases = new ArrayList<>();
    for (int s = 0; s < streams.size(); s++) {
      for (SpokenStream.Said said : streams.get(s).said) {
        List<Hypothesis> phrases = heard.getOrDefault(s + ":" + said.startMs(), List.of());
        List<String> got = taken(phrases, grammar, settings, settings.minMargin());
        boolean hit = got.equals(List.of(said.label()));
        saidLabels.add(said.label());
        saidPhrases.add(phrases);
        int[] h = hits.computeIfAbsent(family.get(s), k -> new int[2]);
        h[0] += hit ? 1 : 0;
        h[1]++;
        ok += hit ? 1 : 0;
        total++;
        if (!hit) {
          System.out.println(
              "miss: "
                  + voices.get(s / conditions.size()).label()
                  + " "
                  + family.get(s)
                  + " \""
                  + said.text()
                  + "\" -> "
                  + got
                  + " "
                  + margins(phrases));
        }
      }
    }
    System.out.printf(
        "wake word %s: commands recognized %d/%d = %.1f%%%n",
        wake ? "on" : "off", ok, total, 100.0 * ok / total);
    hits.forEach(
        (k, h) ->
            System.out.printf("  %-28s %d/%d = %.1f%%%n", k, h[0], h[1], 100.0 * h[0] / h[1]));

    // negatives: every routine sentence and parent talk line, in every condition, voices taking
    // turns
    List<String> negatives = new ArrayList<>();
    if (args.length > 3 && args[3].equals("more")) {
      negatives.addAll(SyntheticSpeech.moreParentTalk());
    } else {
      negatives.addAll(SyntheticSpeech.routineSentences());
      negatives.addAll(SyntheticSpeech.parentTalk());
    }
    List<SpokenStream> negStreams = new ArrayList<>();
    int n = 0;
    for (int rep = 0; rep < negVoices; rep++) {
      for (Condition cond : conditions) {
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<short[]> clips = new ArrayList<>();
        for (int i = 0; i < negatives.size(); i++) {
          Voice v = voices.get((i + rep * 5 + conditions.indexOf(cond) * 3) % voices.size());
          labels.add(v.label());
          texts.add(negatives.get(i));
          clips.add(SyntheticSpeech.say(v, negatives.get(i)));
          n++;
        }
        negStreams.add(SpokenStream.of(labels, texts, clips, cond, 500 + seed++));
      }
    }
    Map<String, List<Hypothesis>> firedPhrases = Recognize.phrasesHeard(negStreams, settings);
    Map<String, List<String>> fired = new TreeMap<>();
    firedPhrases.forEach(
        (k, p) -> {
          List<String> t = taken(p, grammar, settings, settings.minMargin());
          if (!t.isEmpty()) {
            fired.put(k, t);
          }
        });
    int falseCommands = fired.values().stream().mapToInt(List::size).sum();
    long falseStops =
        fired.values().stream()
            .flatMap(List::stream)
            .filter(c -> c.equals("STOP") || c.equals("FUSSY"))
            .count();
    fired.forEach(
        (k, c) -> System.out.println("false: " + k + " " + c + " " + said(negStreams, k)));
    System.out.printf(
        "wake word %s: %d false commands in %d negative utterances = %.2f per 100 (%d stop or"
            + " fussy)%n",
        wake ? "on" : "off", falseCommands, n, 100.0 * falseCommands / n, falseStops);

    // what any other --listen-margin would have given: every in-grammar negative's margin
    List<Hypothesis> negPhrases = new ArrayList<>();
    firedPhrases.forEach(
        (k, p) ->
            p.forEach(
                h -> {
                  negPhrases.add(h);
                  System.out.printf(
                      "negative phrase: margin %.1f %s %s%n",
                      h.margin(), h.text(), said(negStreams, k));
                }));
    writeFeatures(wake, streams, family, heard, negStreams, firedPhrases);
    List<Double> commandMargins = new ArrayList<>();
    saidPhrases.forEach(p -> p.forEach(h -> commandMargins.add(h.margin())));
    commandMargins.sort(null);
    System.out.println(
        "lowest margins of phrases heard in commands: "
            + commandMargins.subList(0, Math.min(15, commandMargins.size())));
    System.out.printf(
        "margin sweep (wake word %s, stop and fussy %.0f higher): margin, commands recognized,"
            + " false per 100%n",
        wake ? "on" : "off", settings.endingMargin());
    for (double t : new double[] {-50, -20, -10, 0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100}) {
      long hitsAt = 0;
      for (int i = 0; i < saidLabels.size(); i++) {
        hitsAt +=
            taken(saidPhrases.get(i), grammar, settings, t).equals(List.of(saidLabels.get(i)))
                ? 1
                : 0;
      }
      List<String> falseAt = taken(negPhrases, grammar, settings, t);
      long endsAt = falseAt.stream().filter(c -> SpokenCommand.valueOf(c).endsSession()).count();
      System.out.printf(
          "  %6.1f  %d/%d = %.1f%%  %d = %.2f per 100 (%d stop or fussy)%n",
          t,
          hitsAt,
          total,
          100.0 * hitsAt / total,
          falseAt.size(),
          100.0 * falseAt.size() / n,
          endsAt);
    }
  }

  /**
   * Every phrase heard, commands and negatives, with its word-by-word margins, to
   * target/voice-bench-{on,off}.tsv: for trying a decision rule without decoding again.
   */
  private static void writeFeatures(
      boolean wake,
      List<SpokenStream> streams,
      List<String> family,
      Map<String, List<Hypothesis>> heard,
      List<SpokenStream> negStreams,
      Map<String, List<Hypothesis>> negHeard) {
    StringBuilder b = new StringBuilder("kind\tlabel\tcondition\tsaid\theard\tmargin\tms\twords\n");
    for (int s = 0; s < streams.size(); s++) {
      for (SpokenStream.Said said : streams.get(s).said) {
        List<Hypothesis> phrases = heard.getOrDefault(s + ":" + said.startMs(), List.of());
        if (phrases.isEmpty()) {
          phrases = List.of(new Hypothesis("", Double.NEGATIVE_INFINITY, 0, 0));
        }
        for (Hypothesis h : phrases) {
          b.append(row("command", said.label(), family.get(s), said.text(), h));
        }
      }
    }
    negHeard.forEach(
        (k, p) ->
            p.forEach(
                h -> {
                  SpokenStream st = negStreams.get(Integer.parseInt(k.split(":")[0]));
                  SpokenStream.Said said = st.match(h);
                  b.append(
                      row(
                          "negative",
                          said == null ? "?" : said.label(),
                          k,
                          said == null ? "?" : said.text(),
                          h));
                }));
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "voice-bench-" + (wake ? "on" : "off") + ".tsv"),
          b.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String row(String kind, String label, String cond, String said, Hypothesis h) {
    StringBuilder w = new StringBuilder();
    for (Hypothesis.Word x : h.words()) {
      w.append(
          String.format(
              "%s:%d:%d:%.1f:%.1f;", x.text(), x.startMs(), x.endMs(), x.margin(), x.peakDb()));
    }
    return String.join(
            "\t",
            kind,
            label,
            cond,
            said,
            h.text(),
            String.format("%.1f", h.margin()),
            Long.toString(h.lengthMs()),
            w.toString())
        + "\n";
  }

  /**
   * The commands a threshold of {@code min} (plus the settings' ending margin for stop and fussy)
   * takes from these phrases.
   */
  private static List<String> taken(
      List<Hypothesis> phrases, CommandGrammar grammar, ListenSettings settings, double min) {
    ListenSettings at = settings.withMinMargin(min);
    List<String> t = new ArrayList<>();
    for (Hypothesis h : phrases) {
      grammar
          .parse(h.text())
          .filter(c -> h.margin() >= at.marginFor(c))
          .ifPresent(c -> t.add(c.name()));
    }
    return t;
  }

  private static String margins(List<Hypothesis> phrases) {
    StringBuilder b = new StringBuilder();
    for (Hypothesis h : phrases) {
      b.append(String.format(" [%s %.1f]", h.text(), h.margin()));
    }
    return b.toString();
  }

  private static String said(List<SpokenStream> streams, String key) {
    String[] p = key.split(":");
    SpokenStream s = streams.get(Integer.parseInt(p[0]));
    return s.said.stream()
        .filter(x -> p[1].equals(Long.toString(x.startMs())))
        .map(x -> "\"" + x.text() + "\" (" + x.label() + ")")
        .findFirst()
        .orElse("");
  }
}
