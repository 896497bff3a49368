package dev.calmcue.cli;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.LineAudioSink;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fast start for {@code calmcue play}: on a thread started first thing in {@code main}, beside argument
 * parsing and routine loading, it opens the sound line and plays the preroll and the first cue from
 * the {@link LaunchHint} of the last run with the same arguments. The player then takes the open line
 * over at the exact sample reached ({@link #handOver()}). Does nothing when there is no hint, for
 * other commands, and in text mode.
 */
final class EarlyAudio {
  private static final Set<String> NOT_FOR = Set.of("--text", "--speed", "-h", "--help", "-V", "--version");
  private static final int CHUNK = 320;

  /** The one started at launch, if any; taken once by the play command. */
  private static volatile EarlyAudio launched;

  private final String[] args;
  private final Thread thread;
  private volatile Path hintFile;
  private volatile boolean stop;
  private final CountDownLatch sounding = new CountDownLatch(1);
  private LaunchHint hint;
  private LineAudioSink sink;
  private long prerollWritten;
  private long timelineWritten;

  private EarlyAudio(String[] args) {
    this.args = args;
    this.thread = new Thread(this::play, "calmcue-early-audio");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
  }

  /**
   * Starts the early sound for these arguments if they are a sound {@code play}; returns once it
   * sounds, there is nothing to play, or 150 ms passed.
   */
  static void startFor(String[] args) {
    if (args.length < 2 || !args[0].equals("play")) {
      return;
    }
    for (String a : args) {
      if (NOT_FOR.contains(a) || a.startsWith("--speed=")) {
        return;
      }
    }
    EarlyAudio early = new EarlyAudio(args.clone());
    launched = early;
    early.thread.start();
    // Let the sound have the CPU until it plays: everything else only has to be ready before the
    // first cue ends, seconds later. Bounded, so a slow device never delays the program.
    try {
      early.sounding.await(150, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The early audio of this launch, once; empty if none was started. */
  static Optional<EarlyAudio> take() {
    EarlyAudio e = launched;
    launched = null;
    return Optional.ofNullable(e);
  }

  /** Where the hint for this launch lives (to update it after preparing); empty if it has no place. */
  Optional<Path> hintFile() {
    return Optional.ofNullable(hintFile);
  }

  private void play() {
    try {
      playHint();
    } finally {
      sounding.countDown();
    }
  }

  private void playHint() {
    hintFile = LaunchHint.fileFor(args, System.getenv(), System.getProperty("user.home"), Path.of("")).orElse(null);
    if (hintFile == null) {
      return;
    }
    Optional<LaunchHint> h = LaunchHint.read(hintFile);
    if (h.isEmpty()) {
      return;
    }
    try {
      sink = LineAudioSink.open(h.get().sampleRate(), LineAudioSink.DEFAULT_BUFFER);
    } catch (AudioFailure e) {
      return; // the player will find out and say so
    }
    hint = h.get();
    short[] silence = new short[CHUNK];
    try {
      while (prerollWritten < hint.prerollSamples() && !stop) {
        int n = (int) Math.min(CHUNK, hint.prerollSamples() - prerollWritten);
        sink.write(silence, 0, n);
        prerollWritten += n;
        sounding.countDown();
      }
      short[] s = hint.samples();
      while (timelineWritten < hint.nextCue() && !stop) {
        int n = (int) Math.min(CHUNK, hint.nextCue() - timelineWritten);
        if (timelineWritten < s.length) {
          n = (int) Math.min(n, s.length - timelineWritten);
          sink.write(s, (int) timelineWritten, n);
        } else {
          sink.write(silence, 0, n);
        }
        timelineWritten += n;
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
    return Optional.of(new Started(sink, hint, prerollWritten, timelineWritten));
  }

  /** The line as the early thread left it: some preroll, then the first samples of the timeline. */
  record Started(LineAudioSink sink, LaunchHint hint, long prerollWritten, long timelineWritten) {}
}
