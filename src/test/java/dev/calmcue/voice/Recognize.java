package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.session.MonotonicClock;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Runs the real recognizer over spoken streams through the listener's stream input. */
final class Recognize {
  private Recognize() {}

  /**
   * Decodes each stream through a listener fed by the stream input (one recognizer for all), and
   * returns the commands heard per utterance: key "stream:startMs" of what was said.
   *
   * @param latencies receives each command's latency, end of voice to decision (may be null)
   */
  static Map<String, List<String>> commandsHeard(
      List<SpokenStream> streams, ListenSettings settings, Consumer<Duration> latencies) {
    Map<String, List<String>> heard = new TreeMap<>();
    decodeAll(
        streams,
        settings,
        (key, command, h, verdict, latency) -> {
          if (command != null) {
            heard.computeIfAbsent(key, k -> new ArrayList<>()).add(command.name());
            if (latencies != null) {
              latencies.accept(latency);
            }
          }
        });
    return heard;
  }

  /**
   * Every utterance that decoded as a command phrase, taken or turned down for its margin alone,
   * with its hypothesis (text and margin): what any other margin threshold would have taken.
   */
  static Map<String, List<Hypothesis>> phrasesHeard(
      List<SpokenStream> streams, ListenSettings settings) {
    Map<String, List<Hypothesis>> heard = new TreeMap<>();
    decodeAll(
        streams,
        settings,
        (key, command, h, verdict, latency) -> {
          if (command != null || verdict == CommandAcceptor.Verdict.WEAK_MARGIN) {
            heard.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
          }
        });
    return heard;
  }

  /** One utterance: key "stream:startMs" of what was said (or "stream:?startMs"), and its fate. */
  private interface Utterance {
    /**
     * @param command the command taken, or null when the utterance was turned down
     */
    void heard(
        String key,
        SpokenCommand command,
        Hypothesis h,
        CommandAcceptor.Verdict verdict,
        Duration latency);
  }

  /** Decodes each stream through a listener fed by the stream input, one recognizer for all. */
  private static void decodeAll(
      List<SpokenStream> streams, ListenSettings settings, Utterance out) {
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    try (UtteranceDecoder shared =
        RecognizerLoader.load(CommandGrammar.of(settings.wakeWord()), settings.decoder())) {
      for (int i = 0; i < streams.size(); i++) {
        SpokenStream s = streams.get(i);
        int index = i;
        new VoiceListener(
                settings,
                () ->
                    StreamCapture.raw(
                        new ByteArrayInputStream(SyntheticSpeech.bytes(s.pcm)), "stream " + index),
                (g, d) -> new NotClosing(shared),
                new EchoGate(Duration.ZERO, Duration.ZERO),
                MonotonicClock.system(),
                new VoiceListener.Events() {
                  @Override
                  public void command(SpokenCommand c, Hypothesis h, Duration latency) {
                    out.heard(key(s, index, h), c, h, CommandAcceptor.Verdict.COMMAND, latency);
                  }

                  @Override
                  public void rejected(Hypothesis h, CommandAcceptor.Verdict why) {
                    out.heard(key(s, index, h), null, h, why, Duration.ZERO);
                  }

                  @Override
                  public void unavailable(String why) {
                    failures.add(why);
                  }
                })
            .runHere();
      }
    } catch (RecognizerLoader.RecognizerUnavailable e) {
      throw new AssertionError(e.getMessage());
    }
    assertEquals(List.of(), failures);
  }

  private static String key(SpokenStream s, int index, Hypothesis h) {
    SpokenStream.Said said = s.match(h);
    return said == null ? index + ":?" + h.startMs() : index + ":" + said.startMs();
  }

  /** Lets several listeners share one loaded recognizer. */
  private record NotClosing(UtteranceDecoder d) implements UtteranceDecoder {
    @Override
    public void decode(java.io.InputStream pcm, Consumer<Hypothesis> out)
        throws java.io.IOException {
      d.decode(pcm, out);
    }

    @Override
    public void close() {}
  }
}
