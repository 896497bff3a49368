package dev.calmcue.session;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.TimelineLayer;
import dev.calmcue.plan.Timeline;
import dev.calmcue.session.Transport.Boundary;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live, hands-free session. One writer thread (the one calling {@link #run()}) feeds one sink
 * with the timeline's samples, 20 ms at a time, silence included, so the sound card never runs dry
 * and every cue lands at its planned sample. Everything is counted in samples from one start: a
 * pause holds the timeline's read position while silence keeps flowing, so every later cue moves by
 * exactly the pause; next jumps the read position to the next step; repeat inserts the
 * instruction's clip. Cues never overlap: a cue cut by a command is muted for the rest of its
 * length.
 *
 * <p>Events are reported when they are heard, not when written ahead into the line's buffer.
 * Commands may be submitted from any thread; listeners are called on the writer thread. If the
 * sound device cannot be opened or goes away mid-session, the player carries on in text mode, paced
 * by the clock, from the same place.
 *
 * <p>The parts: {@link Transport} decides what commands mean, {@link StepMap} knows where steps
 * are, {@link OutputLedger} remembers what was written and not yet heard, {@link HeardEvents} holds
 * what to report when it is heard, {@link UnderrunGuard} makes up for a starved line, {@link
 * DeviceOutput} owns the device, {@link Feed} writes chunk by chunk and {@link Hearing} follows
 * what is heard. This class is the public face and the writer loop that ties them together.
 */
public final class SessionPlayer {
  private static final Duration CHUNK = Duration.ofMillis(20);

  private final CueSounds sounds;
  private final TimelineAudio audio;
  private final Supplier<AudioSink> device;
  private final MonotonicClock clock;
  private final PlayerSettings settings;
  private final int rate;
  private final int chunk;
  private final StepMap steps;
  private final Snapshots snapshots;

  private record Control(Command command, ControlSource source) {}

  private record Cancel(String reason, ControlSource source) {}

  private final Queue<Control> controls = new ConcurrentLinkedQueue<>();
  private final Listeners listeners = new Listeners();
  private final OutputMixers mixers = new OutputMixers(listeners::report);
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile Cancel cancel;
  private volatile SessionSnapshot snapshot;
  private volatile Headstart headstart;
  private volatile Throwable failure;

  // Everything below belongs to the writer thread.
  private final Transport transport;
  private final DeviceOutput output;
  private final OutputLedger ledger = new OutputLedger();
  private final HeardEvents heard = new HeardEvents();
  private final Hearing hearing;
  private final Feed feed;
  private final Deck deck = new Deck();
  private TakenCommand lastCommand;

  /** A player for a prepared session (what play and serve use). */
  public static SessionPlayer of(
      PreparedSession session,
      Supplier<AudioSink> output,
      MonotonicClock clock,
      PlayerSettings settings) {
    return new SessionPlayer(
        session.timeline(), session.sounds(), session.audio(), output, clock, settings);
  }

  /**
   * @param device opens the sound device; if it throws {@link AudioFailure} the session runs in
   *     text mode. Called once, on the writer thread; the player closes what it returns.
   */
  public SessionPlayer(
      Timeline timeline,
      CueSounds sounds,
      TimelineAudio audio,
      Supplier<AudioSink> device,
      MonotonicClock clock,
      PlayerSettings settings) {
    this.sounds = Objects.requireNonNull(sounds, "sounds");
    this.audio = Objects.requireNonNull(audio, "audio");
    this.device = Objects.requireNonNull(device, "device");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.rate = audio.sampleRate();
    this.chunk = (int) SampleTime.sampleAt(CHUNK, rate);
    Objects.requireNonNull(timeline, "timeline");
    this.steps = StepMap.of(timeline, audio);
    this.snapshots = new Snapshots(timeline, steps, rate);
    long closingStart = steps.closingCue() < 0 ? -1 : audio.startSample(steps.closingCue());
    this.transport =
        new Transport(
            steps,
            audio.totalSamples(),
            closingStart,
            SampleTime.sampleAt(settings.readyTimeout(), rate));
    this.output = new DeviceOutput(clock, rate, settings.textSpeed());
    this.hearing = new Hearing(heard, ledger, transport, this::emit, rate);
    this.feed =
        new Feed(
            audio,
            steps,
            transport,
            output,
            ledger,
            heard,
            hearing,
            mixers,
            clock,
            this::emit,
            chunk);
    publish(null);
  }

  /**
   * Lays {@code layer} (a music bed) under the timeline: it sounds while the session plays on,
   * holds its place while paused and stops at once on stop and fussy. Call before {@link #run()}.
   */
  public void layUnder(TimelineLayer layer) {
    if (started.get()) {
      throw new IllegalStateException("the session is already running");
    }
    feed.layUnder(Objects.requireNonNull(layer, "layer"));
  }

  /**
   * Tells the player that the sink it will get already holds {@code headstart.prerollSamples()} of
   * silence followed by the first {@code headstart.timelineSamples()} samples of the timeline,
   * written by a launcher that started the sound before the session was prepared. The player
   * carries on from there, sample-exact, and reports those cues as they are heard. Call before
   * {@link #run()}.
   */
  public void continueAfter(Headstart headstart) {
    if (started.get()) {
      throw new IllegalStateException("the session is already running");
    }
    long limit = transport.readLimit();
    if (headstart.timelineSamples() > limit) {
      throw new IllegalArgumentException("a headstart cannot go past " + limit + " samples");
    }
    this.headstart = headstart;
  }

  /** Calls {@code listener} with every event, on the writer thread; it should return quickly. */
  public void addListener(Consumer<SessionEvent> listener) {
    listeners.add(listener);
  }

  /**
   * Mixes {@code mixer}'s sound into every block from the next one on (see {@link OutputMixer});
   * after those added before it. Thread-safe.
   */
  public void addMixer(OutputMixer mixer) {
    mixers.add(mixer);
  }

  /** The output's sample rate: what an {@link OutputMixer} mixes at. */
  public int sampleRate() {
    return rate;
  }

  /**
   * Where to report a listener that failed (once per listener; the session goes on without it) or a
   * mixer that failed (it is dropped). Called on the writer thread.
   */
  public void reportProblemsTo(Consumer<Throwable> problems) {
    listeners.reportProblemsTo(problems);
  }

  /**
   * Asks the session to do something: the one way in for every control source. Thread-safe, returns
   * at once, acted on within ~20 ms.
   */
  public void submit(Command command, ControlSource source) {
    controls.add(new Control(Objects.requireNonNull(command), Objects.requireNonNull(source)));
  }

  /**
   * Ends the session at once, without the closing (Ctrl-C, shutdown): what is buffered is dropped,
   * the outcome is {@code STOPPED} with {@code reason} as detail. Thread-safe.
   */
  public void cancel(String reason, ControlSource source) {
    cancel = new Cancel(Objects.requireNonNull(reason), Objects.requireNonNull(source));
  }

  /** The latest snapshot; cheap, thread-safe. */
  public SessionSnapshot state() {
    return snapshot;
  }

  /**
   * What the player keeps about output written and not yet heard (ledger stretches and events due);
   * for tests that a long session's memory stays flat. Writer thread only.
   */
  int backlog() {
    return ledger.size() + heard.size();
  }

  /** Why the session ended with an error, with its stack trace; empty otherwise. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Plays the session to its end on the calling thread and says how it ended. Call once. */
  public SessionOutcome run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a session player runs once");
    }
    try {
      open();
      loop();
      finishSound();
    } catch (RuntimeException e) {
      // a bug or a failure text mode could not absorb: end, keep the cause for --debug
      failure = e;
      transport.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      output.closeQuietly();
    }
    SessionOutcome outcome =
        new SessionOutcome(
            transport.ending(),
            transport.detail(),
            hearing.stepsCompleted(),
            SampleTime.durationOf(ledger.played(), rate),
            transport.stoppedBy());
    transport.ended();
    hearing.silenced();
    publish(outcome);
    emit(new SessionEvent.Ended(outcome));
    return outcome;
  }

  private void open() {
    try {
      output.open(device);
      long preroll = SampleTime.sampleAt(settings.preroll(), rate);
      Headstart h = headstart;
      if (h != null) {
        feed.takeOver(h);
        // stopped inside the preroll: the rest of it still wakes the speaker
        preroll = h.timelineSamples() == 0 ? preroll - h.prerollSamples() : 0;
      }
      if (preroll > 0) {
        feed.queue(Clip.preroll((int) preroll));
      }
    } catch (AudioFailure e) {
      feed.enterTextMode(e.getMessage());
    }
    transport.started();
  }

  private void loop() {
    reportHeard(); // a launcher's headstart may have been heard already: commands see where it is
    while (true) {
      Cancel stop = cancel;
      if (stop != null) {
        deck.cutShort();
        transport.cancel(stop.reason(), stop.source());
        return;
      }
      long stall = feed.stalled();
      if (stall > 0) {
        boolean paused = transport.stalled(stall >= StallWatch.PAUSE_AFTER_NANOS, deck);
        emit(new SessionEvent.Stalled(Duration.ofNanos(stall), paused));
      }
      for (Control c = controls.poll(); c != null; c = controls.poll()) {
        int number = lastCommand == null ? 1 : lastCommand.number() + 1;
        lastCommand = new TakenCommand(c.command(), c.source(), number);
        transport.on(c.command(), c.source(), deck);
      }
      transport.checkReadyTimeout(ledger.written(), deck);
      if (feed.noClips()) {
        Boundary b = transport.atBoundary(feed.readPosition(), ledger.written());
        if (b == Boundary.FINISHED) {
          return;
        } else if (b == Boundary.WAIT_FOR_READY) {
          heard.at(
              ledger.written(),
              new HeardEvents.WaitBegins(
                  new SessionEvent.WaitingForReady(settings.readyTimeout())));
        }
      }
      feed.writeChunk();
      reportHeard();
      publish(null);
    }
  }

  /** Lets the last sound play out, reporting what is heard on the way. */
  private void finishSound() {
    if (cancel == null) {
      long buffered = SampleTime.durationOf(feed.buffered(), rate).toNanos();
      long limit = clock.nanoTime() + 2_000_000_000L + buffered;
      for (long b = feed.buffered();
          b > 0 && cancel == null && clock.nanoTime() < limit;
          b = feed.buffered()) {
        clock.sleepUntil(clock.nanoTime() + Math.min(10_000_000L, b * 1_000_000_000L / rate + 1));
        reportHeard();
        publish(null);
      }
      output.drainQuietly();
    }
    hearing.all(feed.readPosition());
  }

  /** The player as the transport sees it: moves of the read position and the line. */
  private final class Deck implements Transport.Deck {
    @Override
    public long readPosition() {
      return feed.readPosition();
    }

    @Override
    public long heardPosition() {
      return hearing.timelineSample();
    }

    @Override
    public void cutShort() {
      feed.cutShort();
    }

    @Override
    public void jumpTo(long t) {
      feed.jumpTo(t);
    }

    @Override
    public void sayAgain(boolean gateOpen) {
      feed.sayAgain(gateOpen);
    }

    @Override
    public void sayLast(String phrase) {
      Clip.lastWords(sounds, phrase, SampleTime.durationOf(hearing.timelineSample(), rate))
          .ifPresent(feed::queue);
    }

    @Override
    public void pauseChanged(boolean paused) {
      // immediate: the buffer was dropped on pause, and resuming is heard from now on
      emit(new SessionEvent.PauseChanged(paused));
    }
  }

  private void reportHeard() {
    hearing.upTo(ledger.written() - feed.buffered(), feed.readPosition(), () -> snapshotNow(null));
  }

  /** Listeners find the snapshot already telling what the event says. */
  private void emit(SessionEvent e) {
    if (!(e instanceof SessionEvent.Ended)) {
      publish(null);
    }
    listeners.emit(e);
  }

  private void publish(SessionOutcome outcome) {
    snapshot = snapshotNow(outcome);
  }

  private SessionSnapshot snapshotNow(SessionOutcome outcome) {
    return snapshots.at(transport.phase(), hearing, output.textMode(), outcome, lastCommand);
  }
}
