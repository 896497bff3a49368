package dev.calmcue.speech;

import dev.calmcue.CalmcueException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Speech from the espeak-ng program (Debian package {@code espeak-ng}), one process per clip: text
 * on stdin, a 22050 Hz WAV on stdout, trimmed like every clip. Each run has a deadline, so a stuck
 * espeak-ng is killed instead of hanging a session. Calls are serialized on this object's lock.
 */
public final class EspeakEngine implements SpeechEngine {
  /** Engine name used by {@code --engine}. */
  public static final String NAME = "espeak";

  /** The program this engine runs. */
  public static final String EXECUTABLE = "espeak-ng";

  public static final String DEFAULT_VOICE = "en-us";

  /** Default heard pace, words per minute (see {@link SpeakingRate}). */
  public static final int DEFAULT_WPM = SpeakingRate.DEFAULT_WPM;

  /**
   * Heard words per minute for each nominal {@code -s} one, measured over the bundled routines'
   * sentences (1.18-1.19 from -s 85 to 150); see docs/benchmarks.md, "Speaking rate".
   */
  static final double HEARD_PER_NOMINAL = 1.183;

  /**
   * What one {@code -g} unit adds to each word at {@code -s 80}, in seconds: documented as 10 ms
   * "at the default speed", measured 27 ms at the slowest.
   */
  static final double WORD_GAP_UNIT_SECONDS = 0.027;

  /** espeak-ng speaks no slower than {@code -s 80}; slower rates add a gap between words. */
  static final int SLOWEST_NOMINAL = 80;

  public static final int SAMPLE_RATE = 22_050;

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final String INSTALL_HINT = "apt-get install espeak-ng";
  // espeak-ng voice names: letters, digits, '-', '_', '+' and '/'; never an option ("-x").
  private static final Pattern VOICE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+/-]{0,63}");

  private final ResolvedVoice resolved;
  private final Path executable;
  private final Duration timeout;
  private final SilenceTrimmer trimmer = SilenceTrimmer.SPEECH;

  public EspeakEngine(ResolvedVoice resolved, Path executable) {
    this(resolved, executable, DEFAULT_TIMEOUT);
  }

  EspeakEngine(ResolvedVoice resolved, Path executable, Duration timeout) {
    if (!NAME.equals(resolved.engine()) || resolved.sampleRate() != SAMPLE_RATE) {
      throw new IllegalArgumentException("not an espeak voice: " + resolved);
    }
    this.resolved = resolved;
    this.executable = Objects.requireNonNull(executable, "executable");
    this.timeout = timeout;
  }

  /**
   * Checks settings for this engine and fills in defaults. Whether the voice exists is only known
   * when espeak-ng runs; the first clip reports an unknown one.
   *
   * @throws CalmcueException (input) for a malformed {@code --voice} or a {@code --rate} out of
   *     range
   */
  public static ResolvedVoice resolve(SpeechSettings settings) {
    String voice = settings.voice() == null ? DEFAULT_VOICE : settings.voice();
    if (!VOICE_NAME.matcher(voice).matches()) {
      throw CalmcueException.input(
          "'" + voice + "' is not an espeak-ng voice name (--voice); try 'calmcue voices'");
    }
    int wpm = SpeakingRate.resolve(settings.wordsPerMinute(), DEFAULT_WPM);
    return new ResolvedVoice(NAME, voice, wpm, SAMPLE_RATE);
  }

  /** espeak-ng on this machine's PATH, if installed. */
  public static Optional<Path> locate() {
    return locate(System.getenv("PATH"));
  }

  /** espeak-ng in one of the directories of {@code pathVariable} (a PATH value), if there. */
  static Optional<Path> locate(String pathVariable) {
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(Pattern.quote(File.pathSeparator))) {
      if (dir.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(dir, EXECUTABLE);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException e) {
        // A junk PATH entry; skip it like a shell would.
      }
    }
    return Optional.empty();
  }

  /** The error for a machine without espeak-ng. */
  static CalmcueException notInstalled() {
    return CalmcueException.input(
        "engine 'espeak' needs espeak-ng, which is not installed (" + INSTALL_HINT + ")");
  }

  /** Why espeak cannot be used here, for listings. */
  static String notInstalledNote() {
    return "espeak-ng is not installed (" + INSTALL_HINT + ")";
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String voice() {
    return resolved.voice();
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public String settingsKey() {
    return resolved.settingsKey();
  }

  @Override
  public synchronized Pcm synthesize(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      return new Pcm(SAMPLE_RATE, new short[0]);
    }
    List<String> command =
        List.of(
            executable.toString(),
            "--stdout",
            "--stdin",
            "-b",
            "1", // input is UTF-8
            "-v",
            resolved.voice(),
            "-s",
            Integer.toString(nominal(resolved.wordsPerMinute()).speed()),
            "-g",
            Integer.toString(nominal(resolved.wordsPerMinute()).wordGap()));
    ProcessRunner.Result run;
    try {
      run = ProcessRunner.run(command, text.getBytes(StandardCharsets.UTF_8), timeout);
    } catch (IOException | ProcessRunner.Timeout e) {
      throw CalmcueException.runtime("espeak-ng failed: " + e.getMessage(), e);
    }
    if (run.exitCode() != 0) {
      if (run.stderr().contains("voice does not exist")) {
        throw CalmcueException.input(
            "espeak-ng has no voice '" + resolved.voice() + "' (--voice); try 'calmcue voices'");
      }
      throw CalmcueException.runtime(
          "espeak-ng failed (exit " + run.exitCode() + "): " + firstLine(run.stderr()), null);
    }
    Pcm pcm;
    try {
      pcm = WavDecoder.decode(run.stdout());
    } catch (IllegalArgumentException e) {
      throw CalmcueException.runtime("espeak-ng produced unreadable audio: " + e.getMessage(), e);
    }
    if (pcm.sampleRate() != SAMPLE_RATE) {
      throw CalmcueException.runtime(
          "espeak-ng produced " + pcm.sampleRate() + " Hz audio, expected " + SAMPLE_RATE, null);
    }
    return trimmer.trim(pcm);
  }

  /**
   * espeak-ng's {@code -s} speed and {@code -g} word gap (in 10 ms units) heard as {@code
   * heardWpm}. Below what {@code -s 80} is heard as, the missing time is spread over the words as
   * gaps.
   */
  static Nominal nominal(int heardWpm) {
    int speed = (int) Math.round(heardWpm / HEARD_PER_NOMINAL);
    if (speed >= SLOWEST_NOMINAL) {
      return new Nominal(speed, 0);
    }
    double slowestHeard = SLOWEST_NOMINAL * HEARD_PER_NOMINAL;
    double extraSecondsPerWord = 60.0 / heardWpm - 60.0 / slowestHeard;
    return new Nominal(
        SLOWEST_NOMINAL, (int) Math.round(extraSecondsPerWord / WORD_GAP_UNIT_SECONDS));
  }

  /**
   * espeak-ng's own pace settings: {@code -s} words per minute and {@code -g} gap in 10 ms units.
   */
  record Nominal(int speed, int wordGap) {}

  /** Nothing to release: every clip is its own process. */
  @Override
  public void close() {}

  /**
   * The voices espeak-ng offers for {@code language} (e.g. {@code en}), usable as {@code --voice}.
   * MBROLA voices are left out: they need extra packages and fail without them.
   */
  static List<VoiceInfo> listVoices(Path executable, String language, Duration timeout) {
    ProcessRunner.Result run;
    try {
      run =
          ProcessRunner.run(
              List.of(executable.toString(), "--voices=" + language), new byte[0], timeout);
    } catch (IOException | ProcessRunner.Timeout e) {
      throw CalmcueException.runtime("could not list espeak-ng voices: " + e.getMessage(), e);
    }
    if (run.exitCode() != 0) {
      throw CalmcueException.runtime(
          "could not list espeak-ng voices: " + firstLine(run.stderr()), null);
    }
    return parseVoiceList(new String(run.stdout(), StandardCharsets.UTF_8));
  }

  /** Parses the table {@code espeak-ng --voices} prints. */
  static List<VoiceInfo> parseVoiceList(String table) {
    Map<String, VoiceInfo> voices = new LinkedHashMap<>();
    for (String line : table.split("\n")) {
      String[] cols = line.strip().split("\\s+");
      // Pty Language Age/Gender VoiceName File [Other Languages]
      if (cols.length < 5 || cols[0].equals("Pty") || !cols[0].matches("\\d+")) {
        continue;
      }
      String language = cols[1];
      String file = cols[4];
      if (language.equals("variant") || file.startsWith("mb/")) {
        continue;
      }
      String description = cols[3].replace('_', ' ');
      voices.putIfAbsent(language, new VoiceInfo(language, language, description));
    }
    return new ArrayList<>(voices.values());
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse("").strip();
    return line.isEmpty() ? "no message" : line;
  }
}
