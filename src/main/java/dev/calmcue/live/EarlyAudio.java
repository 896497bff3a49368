package dev.calmcue.live;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.session.SessionPhrases;
import dev.calmcue.speech.CachingSpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import dev.calmcue.speech.SpeechSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fast start for {@code calmcue play}: on a thread started first thing in {@code main}, beside
 * argument parsing and routine loading, it opens the sound line and keeps it fed with silence (the
 * preroll). With a {@link LaunchHint} from the last run with the same arguments it plays the first
 * cue at once; without one (first run, cold cache) it plays the first cue as soon as the command
 * has synthesized it ({@link #playFirstCue}) while the rest of the session is still being prepared.
 * The player then takes the open line over at the exact sample reached ({@link #handOver()}). Not
 * used for other commands, nor in text mode.
 */
public final class EarlyAudio {
  private static final Set<String> NOT_FOR =
      Set.of("--text", "--speed", "-h", "--help", "-V", "--version");
  private static final int CHUNK = 320;

  /** Options that change the voice: with none of them the session speaks with the default voice. */
  private static final Set<String> VOICE_OPTIONS =
      Set.of("--engine", "--voice", "--rate", "--bedtime");

  /**
   * The rate to open at when there is no hint: FreeTTS's; another engine's rate reopens the line.
   */
  private static final int DEFAULT_RATE = 16_000;

  /**
   * A fed first cue is followed by at most this much silence if the session is slow to get ready.
   */
  private static final int MAX_SILENCE_AFTER = 10 * DEFAULT_RATE;

  private final String[] args;
  private final Thread thread;
  private final CountDownLatch sounding = new CountDownLatch(1);
  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile Path hintFile;
  private volatile LaunchHint hint;
  private volatile LaunchHint fed;
  private volatile boolean stop;
  private volatile CachingSpeechEngine warmVoice;
  private LineAudioSink sink;
  private long prerollWritten;
  private long timelineWritten;

  private EarlyAudio(String[] args) {
    this.args = args;
    this.thread = new Thread(this::run, "calmcue-early-audio");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
  }

  /**
   * Starts the early sound for these arguments if they are a sound {@code play}; returns once the
   * hinted first cue sounds, there is no hint, the line cannot be opened, or 150 ms passed. The
   * caller hands what it returns to the play command (no global: a test's play never finds another
   * run's line).
   */
  public static Optional<EarlyAudio> startFor(String[] args) {
    if (args.length < 2 || !args[0].equals("play")) {
      return Optional.empty();
    }
    for (String a : args) {
      if (NOT_FOR.contains(a) || a.startsWith("--speed=")) {
        return Optional.empty();
      }
    }
    EarlyAudio early = new EarlyAudio(args.clone());
    early.thread.start();
    // Let the sound have the CPU until it plays: everything else only has to be ready before the
    // first cue ends, seconds later. Bounded, so a slow device never delays the program.
    try {
      early.sounding.await(150, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.of(early);
  }

  /**
   * Where the hint for this launch lives (to update it after preparing); empty if it has no place.
   */
  Optional<Path> hintFile() throws InterruptedException {
    decided.await();
    return Optional.ofNullable(hintFile);
  }

  /**
   * True when the line is open and waiting for a first cue (there was no hint): the caller should
   * synthesize the first cue and {@link #playFirstCue} it.
   */
  boolean waitingForFirstCue(int sampleRate) throws InterruptedException {
    decided.await();
    return sink != null && hint == null && sink.sampleRate() == sampleRate;
  }

  /** The hint read at launch, null if there was none. */
  LaunchHint storedHint() throws InterruptedException {
    decided.await();
    return hint;
  }

  /**
   * Plays {@code first} (its samples from timeline sample 0) after at least its preroll of silence.
   */
  void playFirstCue(LaunchHint first) {
    fed = first;
  }

  private void run() {
    try {
      hintFile =
          LaunchHint.fileFor(args, System.getenv(), System.getProperty("user.home"), Path.of(""))
              .orElse(null);
      hint = hintFile == null ? null : LaunchHint.read(hintFile).orElse(null);
      if (hint == null) {
        sounding.countDown(); // nothing to play yet: main need not wait for the line
        warmUpDefaultVoice();
      }
      try {
        sink =
            LineAudioSink.open(
                hint != null ? hint.sampleRate() : DEFAULT_RATE, LineAudioSink.DEFAULT_BUFFER);
      } catch (AudioFailure e) {
        return; // the player will find out and say so
      } finally {
        decided.countDown();
      }
      feed();
    } finally {
      decided.countDown();
      sounding.countDown();
    }
  }

  /**
   * Without a hint the first cue may have to be synthesized, and loading a voice is the slowest
   * part of a cold start: begin it now, beside argument parsing and routine loading, when the
   * arguments leave the voice at its default. The command uses this engine if its settings turn out
   * the same.
   */
  private void warmUpDefaultVoice() {
    for (String a : args) {
      for (String option : VOICE_OPTIONS) {
        if (a.equals(option) || a.startsWith(option + "=")) {
          return;
        }
      }
    }
    CachingSpeechEngine engine;
    try {
      engine = SpeechEngines.open(SpeechSettings.defaults()); // cheap: no voice is loaded yet
    } catch (RuntimeException e) {
      return; // the command opens its own engine and reports any problem
    }
    warmVoice = engine;
    engine.warmUpInBackground(SessionPhrases.NO_START); // needed by every session anyway
  }

  /**
   * The default-voice engine being warmed up at launch, if its settings are {@code settingsKey}; it
   * may still be loading (using it then simply waits).
   */
  Optional<CachingSpeechEngine> warmEngine(String settingsKey) throws InterruptedException {
    decided.await();
    CachingSpeechEngine e = warmVoice;
    return e != null && e.settingsKey().equals(settingsKey) ? Optional.of(e) : Optional.empty();
  }

  private void feed() {
    short[] silence = new short[CHUNK];
    boolean trimmed = false;
    try {
      while (!stop) {
        LaunchHint first = hint != null ? hint : fed;
        if (first != null && first == fed && !trimmed) {
          // The line is full of the silence written while waiting: drop what is more than the
          // preroll
          // asked for, so the first word is heard now, not a buffer later.
          trimmed = true;
          long heardSilence = prerollWritten - sink.bufferedSamples();
          if (prerollWritten > first.prerollSamples()) {
            sink.discardBuffered();
            prerollWritten = heardSilence;
          }
        }
        int n = CHUNK;
        if (first == null || prerollWritten < first.prerollSamples()) {
          if (first != null) {
            n = (int) Math.min(n, first.prerollSamples() - prerollWritten);
          }
          sink.write(silence, 0, n);
          prerollWritten += n;
        } else {
          long limit =
              first == hint ? hint.nextCue() : first.samples().length + (long) MAX_SILENCE_AFTER;
          if (timelineWritten >= limit) {
            return;
          }
          n = (int) Math.min(n, limit - timelineWritten);
          short[] s = first.samples();
          if (timelineWritten < s.length) {
            n = (int) Math.min(n, s.length - timelineWritten);
            sink.write(s, (int) timelineWritten, n);
          } else {
            sink.write(silence, 0, n);
          }
          timelineWritten += n;
        }
        sounding.countDown();
      }
    } catch (AudioFailure e) {
      sink.close();
      sink = null; // the device went away already; the player starts in text mode
    }
  }

  /** Stops writing and gives the open line and what was written to whoever carries on. */
  Optional<Started> handOver() throws InterruptedException {
    stop = true;
    thread.join();
    if (sink == null) {
      return Optional.empty();
    }
    LaunchHint played = hint != null ? hint : fed;
    return Optional.of(new Started(sink, played, prerollWritten, timelineWritten));
  }

  /**
   * The line as the early thread left it: {@code prerollWritten} samples of silence, then the first
   * {@code timelineWritten} samples of {@code played} (its first cue, then silence).
   *
   * @param played what was played, null if nothing but silence
   */
  record Started(
      LineAudioSink sink, LaunchHint played, long prerollWritten, long timelineWritten) {}
}
