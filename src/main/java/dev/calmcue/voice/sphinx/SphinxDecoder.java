package dev.calmcue.voice.sphinx;

import dev.calmcue.voice.DecoderSettings;
import dev.calmcue.voice.Hypothesis;
import dev.calmcue.voice.UtteranceDecoder;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.decoder.search.Token;
import edu.cmu.sphinx.linguist.dictionary.Word;
import edu.cmu.sphinx.recognizer.Recognizer;
import edu.cmu.sphinx.result.Result;
import edu.cmu.sphinx.util.LogMath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * CMU Sphinx4 with the command grammar and an out-of-grammar phone loop. Each utterance ends in two
 * competing kinds of final token: the grammar's (a command) and the phone loop's (anything else).
 * The hypothesis carries the best command and its score margin over the loop; the caller decides.
 *
 * <p>Only this package touches Sphinx, and it is loaded by its own class loader (see {@code
 * RecognizerLoader}), so a session without --listen never loads it.
 */
public final class SphinxDecoder implements UtteranceDecoder {
  private static final String MODEL = "resource:/edu/cmu/sphinx/models/en-us/";

  /** Held, because java.util.logging forgets a logger's level when nobody references it. */
  private static final List<Logger> QUIETED = new ArrayList<>();

  private final Context context;
  private final Recognizer recognizer;
  private final Path grammarDir;
  private final Path grammarFile;

  /** Configures the recognizer; the model loads (about 2 s) when the first stream is decoded. */
  public SphinxDecoder(String jsgf, String grammarName, DecoderSettings s) throws IOException {
    // Sphinx reads its log level from this property while it builds; else ~70 lines on stderr
    System.setProperty("logLevel", "WARNING");
    quietLogs();
    grammarDir = Files.createTempDirectory("calmcue-grammar");
    grammarFile = grammarDir.resolve(grammarName + ".gram");
    try {
      Files.writeString(grammarFile, jsgf, StandardCharsets.UTF_8);
      Configuration c = new Configuration();
      c.setAcousticModelPath(MODEL + "en-us");
      c.setDictionaryPath(MODEL + "cmudict-en-us.dict");
      c.setGrammarPath(grammarDir.toUri().toString());
      c.setGrammarName(grammarName);
      c.setUseGrammar(true);
      c.setSampleRate(SAMPLE_RATE);
      context = new Context(c);
      context.setLocalProperty("flatLinguist->addOutOfGrammarBranch", "true");
      context.setLocalProperty(
          "flatLinguist->outOfGrammarProbability", str(s.outOfGrammarProbability()));
      context.setLocalProperty(
          "flatLinguist->phoneInsertionProbability", str(s.phoneInsertionProbability()));
      context.setLocalProperty("activeList->relativeBeamWidth", str(s.relativeBeam()));
      context.setLocalProperty("speechClassifier->threshold", str(s.speechThreshold()));
      context.setLocalProperty("speechMarker->speechLeader", Integer.toString(s.speechLeaderMs()));
      context.setLocalProperty("speechMarker->endSilence", Integer.toString(s.endSilenceMs()));
      recognizer = context.getInstance(Recognizer.class);
      quietLogs();
    } catch (IOException | RuntimeException e) {
      deleteGrammar();
      throw e;
    }
  }

  /**
   * Sphinx gives each component and some classes a logger of their own at INFO (a line per phone at
   * load, speed and memory summaries per stream), and its logLevel property does not reach them
   * all: only warnings, then.
   */
  private static synchronized void quietLogs() {
    Logger.getLogger("").setLevel(Level.WARNING);
    for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
      Logger l = LogManager.getLogManager().getLogger(name);
      if (l != null
          && !name.isEmpty()
          && !name.startsWith("dev.calmcue")
          && l.getLevel() != Level.WARNING) {
        l.setLevel(Level.WARNING);
        QUIETED.add(l);
      }
    }
  }

  private static String str(double d) {
    return Double.toString(d);
  }

  @Override
  public void decode(InputStream pcm, Consumer<Hypothesis> out) throws IOException {
    // Sphinx builds its front end when allocated, after the source is set: once per stream
    context.setSpeechSource(pcm);
    recognizer.allocate();
    quietLogs();
    try {
      Result r;
      while (!Thread.currentThread().isInterrupted() && (r = recognizer.recognize()) != null) {
        Hypothesis h = hypothesis(r, r.getWordTokenFirst());
        if (h != null) {
          out.accept(h);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      recognizer.deallocate();
    }
  }

  /** The best command and its margin over the phone loop; null for a result with no frames. */
  private static Hypothesis hypothesis(Result r, boolean wordTokenFirst) {
    Token bestIn = null;
    Token bestLoop = null;
    for (Token t : r.getResultTokens()) {
      if (inPhoneLoop(t)) {
        bestLoop = better(bestLoop, t);
      } else {
        bestIn = better(bestIn, t);
      }
    }
    if (bestLoop == null && r.getActiveTokens() != null) {
      // the loop may not have reached its final state; its best active token still competes
      for (Token t : r.getActiveTokens()) {
        if (inPhoneLoop(t)) {
          bestLoop = better(bestLoop, t);
        }
      }
    }
    Token any = bestIn != null ? bestIn : bestLoop;
    if (any == null) {
      return null;
    }
    LogMath log = LogMath.getLogMath();
    double margin;
    if (bestIn == null) {
      margin = Double.NEGATIVE_INFINITY;
    } else if (bestLoop == null) {
      margin = Double.POSITIVE_INFINITY;
    } else {
      margin = log.logToLn(bestIn.getScore() - bestLoop.getScore());
    }
    String text = bestIn == null ? "" : bestIn.getWordPathNoFiller().replace("<sil>", "").strip();
    return new Hypothesis(
        text, margin, startOf(any), any.getCollectTime(), words(bestIn, bestLoop, wordTokenFirst));
  }

  /**
   * The in-grammar path word by word, with the fillers (pauses) between words, each word's margin
   * taken over its own frames: both paths start together at the utterance's start, so the
   * difference of their running scores across a stretch of frames says which explains that stretch
   * better.
   */
  private static List<Hypothesis.Word> words(Token in, Token loop, boolean wordTokenFirst) {
    if (in == null) {
      return List.of();
    }
    List<Token> path = new ArrayList<>();
    for (Token p = in; p != null; p = p.getPredecessor()) {
      path.add(p);
    }
    Collections.reverse(path);
    NavigableMap<Long, Float> inScores = scoresByFrame(in);
    NavigableMap<Long, Float> loopScores = loop == null ? null : scoresByFrame(loop);
    List<Hypothesis.Word> words = new ArrayList<>();
    Word word = null;
    long start = -1;
    long end = -1;
    for (Token t : path) {
      if (t.isWord()) {
        if (wordTokenFirst) {
          // the word's frames follow its token
          add(words, word, start, end, inScores, loopScores);
          word = t.getWord();
        } else {
          add(words, t.getWord(), start, end, inScores, loopScores);
        }
        start = -1;
      } else if (t.isEmitting()) {
        start = start < 0 ? t.getCollectTime() : start;
        end = t.getCollectTime();
      }
    }
    if (wordTokenFirst) {
      add(words, word, start, end, inScores, loopScores);
    }
    // only the pauses between words: the silence around the utterance is the endpointer's
    while (!words.isEmpty() && words.get(0).isFiller()) {
      words.remove(0);
    }
    while (!words.isEmpty() && words.get(words.size() - 1).isFiller()) {
      words.remove(words.size() - 1);
    }
    return words;
  }

  private static void add(
      List<Hypothesis.Word> words,
      Word word,
      long start,
      long end,
      NavigableMap<Long, Float> in,
      NavigableMap<Long, Float> loop) {
    if (word == null || start < 0) {
      return;
    }
    double margin =
        loop == null
            ? Double.POSITIVE_INFINITY
            : LogMath.getLogMath()
                .logToLn(
                    (scoreAt(in, end) - scoreAt(in, start - 1))
                        - (scoreAt(loop, end) - scoreAt(loop, start - 1)));
    words.add(new Hypothesis.Word(word.getSpelling(), start, end, margin));
  }

  /** A path's running score at the end of each frame it passed (frame time, ms). */
  private static NavigableMap<Long, Float> scoresByFrame(Token last) {
    NavigableMap<Long, Float> scores = new TreeMap<>();
    for (Token p = last; p != null; p = p.getPredecessor()) {
      if (p.isEmitting()) {
        scores.putIfAbsent(p.getCollectTime(), p.getScore()); // the frame's last token comes first
      }
    }
    return scores;
  }

  private static float scoreAt(NavigableMap<Long, Float> scores, long frame) {
    Map.Entry<Long, Float> e = scores.floorEntry(frame);
    return e == null ? 0 : e.getValue();
  }

  private static Token better(Token a, Token b) {
    return a == null || b.getScore() > a.getScore() ? b : a;
  }

  private static boolean inPhoneLoop(Token t) {
    for (Token p = t; p != null; p = p.getPredecessor()) {
      String state = p.getSearchState().getClass().getSimpleName();
      if (state.equals("UnknownWordState") || state.equals("LoopBackState")) {
        return true;
      }
      if (p.isWord()) {
        return false; // a grammar word: the loop has none
      }
    }
    return false;
  }

  /**
   * The first frame of the utterance on the token's path: the earliest emitting token (the path's
   * first, non-emitting token still carries the time the previous utterance ended).
   */
  private static long startOf(Token t) {
    long start = t.getCollectTime();
    for (Token p = t; p != null; p = p.getPredecessor()) {
      if (p.isEmitting() && p.getCollectTime() >= 0) {
        start = Math.min(start, p.getCollectTime());
      }
    }
    return start;
  }

  @Override
  public void close() {
    deleteGrammar();
  }

  private void deleteGrammar() {
    try {
      Files.deleteIfExists(grammarFile);
      Files.deleteIfExists(grammarDir);
    } catch (IOException e) {
      // a temp file left behind is harmless
    }
  }
}
