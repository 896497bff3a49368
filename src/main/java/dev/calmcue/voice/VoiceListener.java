package dev.calmcue.voice;

import dev.calmcue.session.MonotonicClock;
import dev.calmcue.voice.CommandAcceptor.Decision;
import dev.calmcue.voice.LineCapture.CaptureUnavailable;
import dev.calmcue.voice.RecognizerLoader.RecognizerUnavailable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Listens for spoken commands in the background. One thread loads the recognizer (the session's
 * sound has started by then; it never waits for this), opens the microphone and decodes; a second
 * pumps the microphone into the recognizer, 20 ms at a time, and holds back what the {@link
 * EchoGate} says may be the player's own sound: that audio is replaced by noise at the room's own
 * level, so the recognizer's endpointer sees a quiet room, and an utterance overlapping it is never
 * a command.
 *
 * <p>Nothing here fails a session: no microphone or no model is one call to {@link
 * Events#unavailable} and the listener stops.
 */
public final class VoiceListener implements AutoCloseable {
  private static final int RATE = UtteranceDecoder.SAMPLE_RATE;
  private static final int BLOCK = RATE / 50;

  /** A command needs this much quiet (no player sound) before it, or it ran on from the cue. */
  private static final long PAUSE_BEFORE_MS = 300;

  /** What the listener reports, on its own threads; implementations return quickly. */
  public interface Events {
    /** The recognizer is listening; {@code took} is how long loading it took. */
    default void listening(Duration took, String source) {}

    /** A command was heard and taken. {@code latency}: end of the utterance to now. */
    void command(SpokenCommand command, Hypothesis heard, Duration latency);

    /** An utterance that was not taken, and why. */
    default void rejected(Hypothesis heard, CommandAcceptor.Verdict why) {}

    /** Microphone level of the last 20 ms, dBFS (for the mic check's meter). */
    default void level(double dbfs) {}

    /**
     * The microphone sounds narrow-band (a Bluetooth headset's telephone mode): commands will be
     * missed far more often. Said once, after a few seconds of voice.
     */
    default void narrowBand() {}

    /** Listening cannot start or went away; say it once, in one line. */
    void unavailable(String why);
  }

  /** Opens the microphone (or a test recording). */
  @FunctionalInterface
  public interface CaptureOpener {
    CaptureSource open() throws CaptureUnavailable;
  }

  /** Builds the recognizer for a grammar. */
  @FunctionalInterface
  public interface DecoderOpener {
    UtteranceDecoder open(CommandGrammar grammar, DecoderSettings settings)
        throws RecognizerUnavailable;
  }

  private final ListenSettings settings;
  private final CommandAcceptor acceptor;
  private final CaptureOpener capture;
  private final DecoderOpener decoder;
  private final EchoGate gate;
  private final MonotonicClock clock;
  private final Events events;

  /** Stretches of the decoded stream the gate held back, in samples; [0] from, [1] to. */
  private final Deque<long[]> heldBack = new ArrayDeque<>();

  /**
   * One entry per block, the last 30 s: [0] stream sample at its end, [1] clock nanos then, [2] its
   * RMS, [3] the room's noise floor (RMS) then.
   */
  private final Deque<long[]> timeline = new ArrayDeque<>();

  private volatile boolean closed;
  private volatile CaptureSource source;
  private Thread thread;

  public VoiceListener(
      ListenSettings settings,
      CaptureOpener capture,
      DecoderOpener decoder,
      EchoGate gate,
      MonotonicClock clock,
      Events events) {
    this.settings = Objects.requireNonNull(settings);
    this.acceptor = new CommandAcceptor(settings);
    this.capture = Objects.requireNonNull(capture);
    this.decoder = Objects.requireNonNull(decoder);
    this.gate = Objects.requireNonNull(gate);
    this.clock = Objects.requireNonNull(clock);
    this.events = Objects.requireNonNull(events);
  }

  /** The microphone and Sphinx from {@code lib/}, gated by {@code gate}. */
  public static VoiceListener microphone(ListenSettings settings, EchoGate gate, Events events) {
    return new VoiceListener(
        settings, LineCapture::open, RecognizerLoader::load, gate, MonotonicClock.system(), events);
  }

  /** Starts loading and listening in the background; returns at once. */
  public synchronized VoiceListener start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::run, "calmcue-listen");
    thread.setDaemon(true);
    // the session's own threads come first: loading the model must not make a cue late
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
    return this;
  }

  /**
   * Runs on the calling thread until the source ends or {@link #close()}; for tests and the bench.
   */
  public void runHere() {
    run();
  }

  private void run() {
    long t0 = clock.nanoTime();
    try (UtteranceDecoder d = decoder.open(acceptor.grammar(), settings.decoder())) {
      if (closed) {
        return;
      }
      try (CaptureSource s = capture.open()) {
        source = s;
        if (closed) {
          return;
        }
        events.listening(Duration.ofNanos(clock.nanoTime() - t0), s.describe());
        PipedInputStream in = new PipedInputStream(RATE * 2); // 1 s
        PipedOutputStream out = new PipedOutputStream(in);
        Thread pump = new Thread(() -> pump(s, out), "calmcue-mic");
        pump.setDaemon(true);
        pump.start();
        d.decode(in, this::heard);
        pump.join(1000);
      }
    } catch (RecognizerUnavailable | CaptureUnavailable e) {
      if (!closed) {
        events.unavailable(e.getMessage());
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        events.unavailable("listening stopped (" + e + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump(CaptureSource s, PipedOutputStream out) {
    short[] block = new short[BLOCK];
    byte[] bytes = new byte[BLOCK * 2];
    Random noise = new Random(1);
    double floor = 30; // the room's noise, RMS; follows the quietest recent blocks
    BandCheck band = new BandCheck(RATE);
    boolean bandKnown = false;
    long at = 0;
    try (out) {
      int n;
      while (!closed && (n = s.read(block, 0, BLOCK)) > 0) {
        long now = clock.nanoTime();
        long from = now - n * 1_000_000_000L / RATE;
        double rms = rms(block, n);
        events.level(dbfs(rms));
        if (gate.mayEcho(from, now)) {
          for (int i = 0; i < n; i++) {
            block[i] = (short) Math.round(noise.nextGaussian() * floor);
          }
          holdBack(at, at + n);
        } else {
          floor = rms < floor ? rms : floor + (rms - floor) * 0.005;
          floor = Math.max(floor, 2);
          if (!bandKnown && rms > floor * VOICED_OVER_FLOOR) {
            BandCheck.Verdict v = band.voice(block, n);
            bandKnown = v != BandCheck.Verdict.UNDECIDED;
            if (v == BandCheck.Verdict.NARROW_BAND) {
              events.narrowBand();
            }
          }
          if (rms < 1) {
            // digital silence confuses the recognizer's noise estimate: add a trace of noise
            for (int i = 0; i < n; i++) {
              block[i] += (short) Math.round(noise.nextGaussian() * 2);
            }
          }
        }
        for (int i = 0; i < n; i++) {
          bytes[2 * i] = (byte) block[i];
          bytes[2 * i + 1] = (byte) (block[i] >> 8);
        }
        mark(at + n, now, rms, floor);
        out.write(bytes, 0, n * 2);
        out.flush(); // wakes the reader now; unflushed, a pipe's reader polls once a second
        at += n;
      }
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      if (!closed) {
        events.unavailable("the microphone stopped (" + e.getMessage() + ")");
      }
    }
  }

  /** An RMS level in dB full scale; -120 for silence. */
  private static double dbfs(double rms) {
    return rms <= 0 ? -120 : 20 * Math.log10(rms / 32768);
  }

  private static double rms(short[] b, int n) {
    double e = 0;
    for (int i = 0; i < n; i++) {
      e += (double) b[i] * b[i];
    }
    return Math.sqrt(e / Math.max(1, n));
  }

  private synchronized void holdBack(long from, long to) {
    long[] last = heldBack.peekLast();
    if (last != null && last[1] == from) {
      last[1] = to;
    } else {
      heldBack.addLast(new long[] {from, to});
    }
    while (heldBack.size() > 1000) {
      heldBack.pollFirst();
    }
  }

  private synchronized void mark(long sample, long nanos, double rms, double floor) {
    timeline.addLast(new long[] {sample, nanos, Math.round(rms), Math.round(floor)});
    while (timeline.size() > 1500) {
      timeline.pollFirst();
    }
  }

  /** A block this much louder than the room's floor is voice. */
  private static final double VOICED_OVER_FLOOR = Math.pow(10, 12 / 20.0);

  /**
   * {@code h} with its times narrowed to where the microphone actually heard voice (12 dB over the
   * room): the recognizer's own times include the silence around the words, and after a first
   * utterance its start falls back to where that one ended.
   */
  private synchronized Hypothesis voiced(Hypothesis h) {
    long from = h.startMs() * RATE / 1000;
    long to = h.endMs() * RATE / 1000;
    long first = -1;
    long last = -1;
    for (long[] b : timeline) {
      long start = b[0] - BLOCK;
      if (b[0] <= from || start >= to) {
        continue;
      }
      if (b[2] > Math.max(b[3], 2) * VOICED_OVER_FLOOR) {
        first = first < 0 ? start : first;
        last = b[0];
      }
    }
    if (first < 0) {
      return h;
    }
    return h.at(first * 1000 / RATE, last * 1000 / RATE);
  }

  /**
   * {@code h} with each word's loudest block as the microphone heard it (before any gating): the
   * blocks that lie within the word, so that a short word does not borrow the loudness of the one
   * before it.
   */
  private synchronized Hypothesis loudness(Hypothesis h) {
    List<Hypothesis.Word> words = new ArrayList<>(h.words().size());
    for (Hypothesis.Word w : h.words()) {
      long from = w.startMs() * RATE / 1000;
      long to = (w.endMs() + 10) * RATE / 1000; // the word's last frame is 10 ms long
      long within = -1;
      long touching = -1;
      for (long[] b : timeline) {
        long start = b[0] - BLOCK;
        if (b[0] > from && start < to) {
          touching = Math.max(touching, b[2]);
          if (start >= from && b[0] <= to) {
            within = Math.max(within, b[2]);
          }
        }
      }
      long peak = within >= 0 ? within : touching;
      words.add(peak < 0 ? w : w.withPeakDb(dbfs(peak)));
    }
    return h.withWords(words);
  }

  /** Whether the player's sound was held back during {@code h}'s voice or just before it. */
  private synchronized boolean overlapsHeldBack(Hypothesis h) {
    long from = Math.max(0, h.startMs() - PAUSE_BEFORE_MS) * RATE / 1000;
    long to = h.endMs() * RATE / 1000;
    for (long[] b : heldBack) {
      if (b[0] < to && from < b[1]) {
        return true;
      }
    }
    return false;
  }

  /** The clock when the stream reached {@code ms}, or now if that is no longer known. */
  private synchronized long clockAt(long ms) {
    long sample = ms * RATE / 1000;
    for (long[] t : timeline) {
      if (t[0] >= sample) {
        return t[1] - (t[0] - sample) * 1_000_000_000L / RATE;
      }
    }
    return clock.nanoTime();
  }

  private void heard(Hypothesis decoded) {
    Hypothesis h = loudness(voiced(decoded));
    Decision d = acceptor.decide(h, overlapsHeldBack(h));
    if (d.command().isPresent()) {
      long wordEnd = clockAt(h.endMs());
      events.command(
          d.command().get(), h, Duration.ofNanos(Math.max(0, clock.nanoTime() - wordEnd)));
    } else {
      events.rejected(h, d.verdict());
    }
  }

  /** Stops listening: the microphone closes, the threads end. */
  @Override
  public void close() {
    closed = true;
    CaptureSource s = source;
    if (s != null) {
      s.close();
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}
