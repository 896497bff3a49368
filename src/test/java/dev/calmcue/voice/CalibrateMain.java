package dev.calmcue.voice;

import dev.calmcue.voice.sphinx.SphinxDecoder;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Scratch: prints every hypothesis with its margin for a few voices. */
public final class CalibrateMain {
  public static void main(String[] a) throws Exception {
    boolean wake = !a[0].equals("off");
    CommandGrammar g = CommandGrammar.of(wake);
    long t0 = System.nanoTime();
    try (SphinxDecoder d = new SphinxDecoder(g.jsgf(), CommandGrammar.NAME, DecoderSettings.DEFAULT)) {
      System.out.println("load ms " + (System.nanoTime() - t0) / 1_000_000);
      for (SyntheticSpeech.Voice v : SyntheticSpeech.TEST_VOICES.subList(0, Integer.parseInt(a[1]))) {
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<short[]> clips = new ArrayList<>();
        for (String p : List.of("ready", "pause", "continue", "resume", "next", "repeat", "stop", "fussy", "baby is fussy")) {
          String t = (wake ? "calm cue, " : "") + p;
          labels.add("CMD");
          texts.add(t);
          clips.add(SyntheticSpeech.say(v, t));
        }
        List<String> neg = new ArrayList<>(SyntheticSpeech.parentTalk());
        if (a.length > 2) neg.addAll(SyntheticSpeech.routineSentences());
        for (String t : neg) {
          labels.add("NEG");
          texts.add(t);
          clips.add(SyntheticSpeech.say(v, t));
        }
        for (SpokenStream.Condition c : SpokenStream.Condition.values()) {
          SpokenStream s = SpokenStream.of(labels, texts, clips, c, 1);
          long d0 = System.nanoTime();
          d.decode(new ByteArrayInputStream(SyntheticSpeech.bytes(s.pcm)), h -> {
            SpokenStream.Said said = s.match(h);
            System.out.printf("%s %s %s | %s | %.1f | %d ms | %s%n", v.label(), c, said == null ? "?" : said.label(), h.text(), h.margin(), h.lengthMs(), said == null ? "" : said.text());
          });
          System.out.printf("decode %.1f s audio in %d ms%n", s.pcm.length / 16000.0, (System.nanoTime() - d0) / 1_000_000);
        }
      }
    }
  }
}
