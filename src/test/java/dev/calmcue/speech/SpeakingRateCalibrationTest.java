package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineLoader;
import dev.calmcue.routine.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --rate} means heard words per minute: the real clips of the bundled routines' sentences,
 * words over trimmed clip time, come out within 10% of the rate asked for, on every engine.
 */
class SpeakingRateCalibrationTest {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** Every distinct sentence the bundled routines speak (instructions, prompts, notes). */
  private static List<String> corpus() {
    Set<String> sentences = new LinkedHashSet<>();
    for (String id : List.of("back-massage", "daily-back-massage", "evening-stroking")) {
      Routine r = new RoutineLoader().load(Path.of("routines", id + ".json"));
      List<String> texts = new ArrayList<>(r.safety());
      texts.addAll(r.preparation());
      for (Step s : r.steps()) {
        texts.add(s.say());
        s.prompts().stream().map(Prompt::say).forEach(texts::add);
      }
      texts.forEach(t -> sentences.addAll(SentencePacedEngine.sentences(t)));
    }
    return new ArrayList<>(sentences);
  }

  private static double heardWordsPerMinute(SpeechEngine engine, List<String> sentences) {
    long words = 0;
    double seconds = 0;
    for (String s : sentences) {
      Matcher m = WORD.matcher(s);
      while (m.find()) {
        words++;
      }
      seconds += engine.synthesize(s).duration().toNanos() / 1e9;
    }
    return words * 60 / seconds;
  }

  private static void assertWithinTenPercent(int rate, double measured, String engine) {
    System.out.printf(
        Locale.ROOT, "%s --rate %d: heard %.1f words per minute%n", engine, rate, measured);
    assertTrue(
        Math.abs(measured - rate) <= 0.10 * rate,
        String.format(Locale.ROOT, "%s at --rate %d is heard at %.1f wpm", engine, rate, measured));
  }

  @ParameterizedTest
  @ValueSource(
      ints = {SpeakingRate.MIN_WPM, 100, SpeakingRate.BEDTIME_WPM, SpeakingRate.DEFAULT_WPM, 180})
  void freeTts_heardRateIsTheRateAskedFor(int rate) {
    assumeTrue(FreeTtsEngine.voiceAvailable(), "FreeTTS voice data missing");
    try (FreeTtsEngine engine = new FreeTtsEngine(new SpeechSettings("freetts", null, rate))) {
      assertWithinTenPercent(rate, heardWordsPerMinute(engine, corpus()), "freetts");
    }
  }

  @ParameterizedTest
  @ValueSource(
      ints = {SpeakingRate.MIN_WPM, 100, SpeakingRate.BEDTIME_WPM, SpeakingRate.DEFAULT_WPM, 180})
  void espeak_heardRateIsTheRateAskedFor(int rate) {
    Optional<Path> espeak = EspeakEngine.locate();
    assumeTrue(espeak.isPresent(), "espeak-ng is not installed (apt-get install espeak-ng)");
    ResolvedVoice voice = EspeakEngine.resolve(new SpeechSettings("espeak", null, rate));
    try (EspeakEngine engine = new EspeakEngine(voice, espeak.get())) {
      assertWithinTenPercent(rate, heardWordsPerMinute(engine, corpus()), "espeak");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {SpeakingRate.MIN_WPM, 85, 90})
  void espeak_belowItsSlowestSpeed_slowsDownWithGapsBetweenWords(int rate) {
    EspeakEngine.Nominal n = EspeakEngine.nominal(rate);
    assertEquals(EspeakEngine.SLOWEST_NOMINAL, n.speed());
    assertTrue(n.wordGap() > 0, "a gap between words at " + rate);
    assertTrue(EspeakEngine.nominal(rate - 5).wordGap() > n.wordGap(), "slower means longer gaps");
    assertEquals(0, EspeakEngine.nominal(SpeakingRate.DEFAULT_WPM).wordGap());
  }
}
