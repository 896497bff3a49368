package dev.calmcue.speech;

import com.sun.speech.freetts.OutputQueue;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import dev.calmcue.CalmcueException;
import java.util.Objects;

/**
 * Speech from FreeTTS 1.2.2 with its 16 kHz voice {@code kevin16}, collected in memory and trimmed.
 *
 * <p>The voice (about 250 ms to load) is loaded on the first {@link #synthesize}, not when the
 * engine is made, so an engine whose clips all come from the cache costs nothing. A FreeTTS voice
 * is not thread-safe: every call is serialized on this object's lock, so use it from one thread or
 * accept that callers wait for each other. All FreeTTS failures surface as one {@link
 * CalmcueException}.
 */
public final class FreeTtsEngine implements SpeechEngine {
  /** Engine name used by {@code --engine}. */
  public static final String NAME = "freetts";

  /** The only voice: FreeTTS's 16 kHz diphone voice. */
  public static final String VOICE = "kevin16";

  public static final int SAMPLE_RATE = 16_000;

  /** Default heard pace, words per minute (see {@link SpeakingRate}). */
  public static final int DEFAULT_WPM = SpeakingRate.DEFAULT_WPM;

  /**
   * Heard words per minute for each nominal one, measured over the bundled routines' sentences
   * (linear: 1.321-1.325 from --rate 80 to 180); see docs/benchmarks.md, "Speaking rate".
   */
  static final double HEARD_PER_NOMINAL = 1.323;

  /** A file of the voice's data inside the FreeTTS jar; present iff the voice can load. */
  static final String VOICE_DATA = "com/sun/speech/freetts/en/us/cmu_us_kal/cmu_us_kal16.bin";

  private final ResolvedVoice resolved;
  private final SilenceTrimmer trimmer;
  private Voice voice; // guarded by this; null until first use
  private CollectingAudioPlayer player; // guarded by this
  private boolean closed; // guarded by this

  public FreeTtsEngine(SpeechSettings settings) {
    this(resolve(settings));
  }

  public FreeTtsEngine(ResolvedVoice resolved) {
    if (!NAME.equals(resolved.engine()) || !VOICE.equals(resolved.voice())) {
      throw new IllegalArgumentException("not a FreeTTS voice: " + resolved);
    }
    this.resolved = resolved;
    this.trimmer = SilenceTrimmer.SPEECH;
  }

  /**
   * Checks settings for this engine and fills in defaults.
   *
   * @throws CalmcueException (input) for an unknown {@code --voice} or a {@code --rate} out of
   *     range
   */
  public static ResolvedVoice resolve(SpeechSettings settings) {
    String voice = settings.voice() == null ? VOICE : settings.voice();
    if (!VOICE.equals(voice)) {
      throw CalmcueException.input(
          "engine 'freetts' has no voice '" + voice + "' (--voice); its voice is " + VOICE);
    }
    int wpm = SpeakingRate.resolve(settings.wordsPerMinute(), DEFAULT_WPM);
    return new ResolvedVoice(NAME, VOICE, wpm, SAMPLE_RATE);
  }

  /** Whether the voice's data is on the class path (checked without loading it). */
  public static boolean voiceAvailable() {
    return FreeTtsEngine.class.getClassLoader().getResource(VOICE_DATA) != null;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String voice() {
    return VOICE;
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
    if (closed) {
      throw new IllegalStateException("speech engine is closed");
    }
    String speakable = plainPunctuation(text);
    if (speakable.isBlank()) {
      return new Pcm(SAMPLE_RATE, new short[0]);
    }
    Voice v = loadedVoice();
    player.clear();
    boolean ok;
    try {
      ok = v.speak(speakable);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw failure("FreeTTS failed to speak " + quoted(text) + ": " + e, e);
    }
    short[] samples = player.takeSamples();
    if (!ok) {
      throw failure("FreeTTS could not speak " + quoted(text), null);
    }
    if (samples.length > 0 && player.sampleRate() != SAMPLE_RATE) {
      throw failure(
          "FreeTTS voice " + VOICE + " produced " + player.sampleRate() + " Hz, expected 16000",
          null);
    }
    return trimmer.trim(new Pcm(SAMPLE_RATE, samples));
  }

  /** FreeTTS's nominal rate that is heard as {@code heardWpm}. */
  static float nominalRate(int heardWpm) {
    return (float) (heardWpm / HEARD_PER_NOMINAL);
  }

  /** Releases the voice; later calls to {@link #synthesize} fail. */
  @Override
  public synchronized void close() {
    closed = true;
    if (voice != null) {
      try {
        voice.deallocate();
      } catch (RuntimeException e) {
        // Nothing useful to do: the voice holds only memory.
      }
      voice = null;
    }
  }

  private Voice loadedVoice() {
    if (voice != null) {
      return voice;
    }
    Voice v;
    try {
      v = findVoice();
      CollectingAudioPlayer p = new CollectingAudioPlayer();
      v.setAudioPlayer(p);
      v.setRate(nominalRate(resolved.wordsPerMinute()));
      v.allocate();
      // allocate() starts an output thread that would play utterances asynchronously; stop it and
      // have FreeTTS render in the calling thread instead (a null queue means "output inline").
      OutputQueue queue = v.getOutputQueue();
      v.setOutputQueue(null);
      if (queue != null) {
        queue.close();
      }
      player = p;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (CalmcueException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // Voice.allocate reports a missing lexicon or voice file by printing and throwing Error.
      throw failure("FreeTTS voice " + VOICE + " could not be loaded (" + e.getMessage() + ")", e);
    }
    voice = v;
    return v;
  }

  private static Voice findVoice() {
    if (!voiceAvailable()) {
      throw failure(
          "FreeTTS voice "
              + VOICE
              + " is missing: "
              + VOICE_DATA
              + " is not on the class path"
              + " (is the calmcue jar complete?)",
          null);
    }
    for (Voice v : new KevinVoiceDirectory().getVoices()) {
      if (VOICE.equals(v.getName())) {
        return v;
      }
    }
    throw failure("FreeTTS has no voice named " + VOICE, null);
  }

  /**
   * Typographic punctuation as FreeTTS understands it: it reads a curly apostrophe as a separate
   * sound and an em dash as nothing, where the writer meant "baby's" and a pause.
   */
  static String plainPunctuation(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u201B', '\u2032' -> b.append('\'');
        case '\u201C', '\u201D', '\u201F', '\u2033' -> b.append('"');
        case '\u2013', '\u2014', '\u2015' -> {
          while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
          }
          int next = i + 1;
          while (next < text.length() && text.charAt(next) == ' ') {
            next++;
          }
          boolean range =
              b.length() > 0
                  && Character.isDigit(b.charAt(b.length() - 1))
                  && next < text.length()
                  && Character.isDigit(text.charAt(next));
          // "2–3 strokes" is a range; "rest — then" is a pause, and the comma must touch the word.
          b.append(range ? " to " : ", ");
          i = next - 1;
        }
        case '\u2026' -> b.append("...");
        case '\u00A0', '\u2009', '\u202F' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String quoted(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return "\"" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "\"";
  }

  private static CalmcueException failure(String message, Throwable cause) {
    return new CalmcueException(CalmcueException.Kind.RUNTIME, message, cause);
  }
}
