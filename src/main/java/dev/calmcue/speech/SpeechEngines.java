package dev.calmcue.speech;

import dev.calmcue.CalmcueException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way to get a speech engine: checks the settings, paces sentences with a breath ({@link
 * SentencePacedEngine}) and puts the cache in front.
 */
public final class SpeechEngines {
  /** Engine names accepted by {@code --engine}, the default first. */
  public static final List<String> NAMES = List.of(FreeTtsEngine.NAME, EspeakEngine.NAME);

  // Anonymous classes rather than lambdas on the FreeTTS path: in a cold JVM the first lambda costs
  // ~10 ms of bootstrap, on the way to the first cached cue.
  private static final Supplier<Optional<Path>> ESPEAK_ON_PATH =
      new Supplier<>() {
        @Override
        public Optional<Path> get() {
          return EspeakEngine.locate();
        }
      };

  private SpeechEngines() {}

  /**
   * The engine for {@code settings}, cached in the user's cache directory. Loads no voice: that
   * happens on the first text that is not cached.
   *
   * @throws CalmcueException (input) naming {@code --engine}, {@code --voice} or {@code --rate}
   *     when a setting is wrong, or when the engine is not installed
   */
  public static CachingSpeechEngine open(SpeechSettings settings) {
    return open(settings, SpeechCache.atDefaultLocation());
  }

  /** Like {@link #open(SpeechSettings)} with another cache (or {@link SpeechCache#disabled()}). */
  public static CachingSpeechEngine open(SpeechSettings settings, SpeechCache cache) {
    return open(settings, cache, ESPEAK_ON_PATH);
  }

  static CachingSpeechEngine open(
      SpeechSettings settings, SpeechCache cache, Supplier<Optional<Path>> espeakLocator) {
    String engine = engineName(settings.engine());
    if (engine.equals(FreeTtsEngine.NAME)) {
      ResolvedVoice voice = FreeTtsEngine.resolve(settings);
      return new CachingSpeechEngine(
          voice,
          new Supplier<SpeechEngine>() {
            @Override
            public SpeechEngine get() {
              return new SentencePacedEngine(new FreeTtsEngine(voice));
            }
          },
          cache);
    }
    if (engine.equals(EspeakEngine.NAME)) {
      ResolvedVoice voice = EspeakEngine.resolve(settings);
      // Checked now (a PATH lookup, no process) so a missing program is reported before a session
      // starts, not at its first uncached cue.
      Path executable = espeakLocator.get().orElseThrow(EspeakEngine::notInstalled);
      return new CachingSpeechEngine(
          voice, () -> new SentencePacedEngine(new EspeakEngine(voice, executable)), cache);
    }
    throw CalmcueException.input(
        "unknown engine '"
            + settings.engine()
            + "' (--engine); known engines: "
            + String.join(", ", NAMES));
  }

  private static String engineName(String requested) {
    if (requested == null || requested.isBlank()) {
      return SpeechSettings.DEFAULT_ENGINE;
    }
    String name = requested.strip().toLowerCase(Locale.ROOT);
    return name.equals(EspeakEngine.EXECUTABLE) ? EspeakEngine.NAME : name;
  }
}
