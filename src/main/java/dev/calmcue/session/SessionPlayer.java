package dev.calmcue.session;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.plan.Timeline;
import dev.calmcue.session.HeardEvents.Heard;
import dev.calmcue.session.SessionSnapshot.Phase;
import dev.calmcue.session.Transport.Boundary;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
 * exactly the pause; next jumps the read position to the next step; repeat inserts the instruction's
 * clip. Cues never overlap: a cue cut by a command is muted for the rest of its length.
 *
 * <p>Events are reported when they are heard, not when written ahead into the line's buffer.
 * Commands may be submitted from any thread; listeners are called on the writer thread. If the sound
 * device cannot be opened or goes away mid-session, the player carries on in text mode, paced by the
 * clock, from the same place.
 *
 * <p>The parts: {@link Transport} decides what commands mean, {@link StepMap} knows where steps are,
 * {@link OutputLedger} remembers what was written and not yet heard, {@link HeardEvents} holds what
 * to report when it is heard, {@link UnderrunGuard} makes up for a starved line and {@link
 * DeviceOutput} owns the device. This class is the writer loop that ties them together.
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
  private final CueSchedule schedule;
  private final UnderrunGuard underruns;
  private final Deque<Clip> clips = new ArrayDeque<>();
  private final Deck deck = new Deck();
  private final short[] buf;
  /** The next timeline sample to write. */
  private long tpos;
  /** The timeline sample being heard now. */
  private long heardT;
  private final Mute mute = new Mute();
  private int stepsCompleted;
  private long nextProgressOut;
  private String speaking = "";
  private long speakingUntilOut;

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
    this.buf = new short[chunk];
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
    this.underruns = new UnderrunGuard(rate);
    this.schedule = new CueSchedule(audio, steps, heard);
    publish(null);
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
   * Where to report a listener that failed (once per listener; the session goes on without it).
   * Called on the writer thread.
   */
  public void reportProblemsTo(Consumer<Throwable> problems) {
    listeners.reportProblemsTo(problems);
  }

  /**
   * Asks the session to do something: the one way in for every control source. Thread-safe,
   * returns at once, acted on within ~20 ms.
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
            stepsCompleted,
            SampleTime.durationOf(ledger.played(), rate),
            transport.stoppedBy());
    transport.ended();
    speaking = "";
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
        takeOver(h);
        // stopped inside the preroll: the rest of it still wakes the speaker
        preroll = h.timelineSamples() == 0 ? preroll - h.prerollSamples() : 0;
      }
      if (preroll > 0) {
        clips.add(Clip.preroll((int) preroll));
      }
    } catch (AudioFailure e) {
      enterTextMode(e.getMessage());
    }
    transport.started();
  }

  /** Accounts for sound a launcher wrote, as if this player had written it. */
  private void takeOver(Headstart h) {
    if (h.prerollSamples() > 0) {
      ledger.silence(0, (int) h.prerollSamples());
      ledger.confirm((int) h.prerollSamples());
    }
    while (tpos < h.timelineSamples()) {
      int n = (int) Math.min(chunk, h.timelineSamples() - tpos);
      schedule.timeline(tpos, n, ledger.written(), mute);
      ledger.timeline(tpos, n);
      ledger.confirm(n);
      tpos += n;
    }
    if (h.silenceAfter() > 0) {
      ledger.silence(tpos, (int) h.silenceAfter());
      ledger.confirm((int) h.silenceAfter());
    }
  }

  private void loop() {
    while (true) {
      Cancel stop = cancel;
      if (stop != null) {
        deck.cutShort();
        transport.cancel(stop.reason(), stop.source());
        return;
      }
      for (Control c = controls.poll(); c != null; c = controls.poll()) {
        transport.on(c.command(), c.source(), deck);
      }
      transport.checkReadyTimeout(ledger.written(), deck);
      if (clips.isEmpty()) {
        Boundary b = transport.atBoundary(tpos, ledger.written());
        if (b == Boundary.FINISHED) {
          return;
        } else if (b == Boundary.WAIT_FOR_READY) {
          heard.at(
              ledger.written(),
              new HeardEvents.WaitBegins(
                  new SessionEvent.WaitingForReady(settings.readyTimeout())));
        }
      }
      writeChunk();
      reportHeard();
      publish(null);
    }
  }

  /** Lets the last sound play out, reporting what is heard on the way. */
  private void finishSound() {
    if (cancel == null) {
      long limit =
          clock.nanoTime() + 2_000_000_000L + SampleTime.durationOf(buffered(), rate).toNanos();
      for (long b = buffered(); b > 0 && cancel == null && clock.nanoTime() < limit; b = buffered()) {
        clock.sleepUntil(clock.nanoTime() + Math.min(10_000_000L, b * 1_000_000_000L / rate + 1));
        reportHeard();
        publish(null);
      }
      output.drainQuietly();
    }
    heard.all(this::dispatch);
    heardT = tpos;
  }

  // ---- producing and writing samples

  private void writeChunk() {
    if (underruns.debt() > 0 && clips.isEmpty() && repayDebt()) {
      return;
    }
    int n;
    Clip clip = clips.peekFirst();
    if (clip != null) {
      if (clip.pos == 0) {
        schedule.clipStarts(clip, ledger.written());
      }
      n = Math.min(chunk, clip.samples.length - clip.pos);
      System.arraycopy(clip.samples, clip.pos, buf, 0, n);
      ledger.clip(tpos, clip, clip.pos, n);
      clip.pos += n;
      if (clip.done()) {
        clips.pollFirst();
      }
    } else if (transport.timelineRuns()) {
      n = (int) Math.min(chunk, transport.readLimit() - tpos);
      audio.fill(tpos, buf, 0, n);
      mute.apply(buf, tpos, n);
      schedule.timeline(tpos, n, ledger.written(), mute);
      ledger.timeline(tpos, n);
      tpos += n;
    } else {
      n = chunk;
      Arrays.fill(buf, 0, n, (short) 0);
      ledger.silence(tpos, n);
    }
    try {
      output.write(buf, n);
      ledger.confirm(n);
    } catch (AudioFailure e) {
      deviceLost(e.getMessage());
      return;
    }
    if (!output.inTextMode() && underruns.watching(ledger.written())) {
      underruns.watch(ledger.written(), ledger.written() - buffered(), clock.nanoTime());
    }
  }

  /**
   * Leaves out up to the underrun debt in samples of silence here, if this is silence: a pause, the
   * wait for "Ready?", or a quiet stretch of the timeline before its next cue or step boundary.
   *
   * @return true if samples were left out instead of writing a chunk
   */
  private boolean repayDebt() {
    long debt = underruns.debt();
    long skip;
    if (transport.holdsSilence()) {
      skip = Math.min(debt, chunk);
    } else if (transport.timelineRuns()) {
      skip = Math.min(debt, schedule.quietAhead(tpos, transport.readLimit(), mute));
      if (skip <= 0) {
        return false;
      }
      tpos += skip;
      ledger.skipped(skip);
    } else {
      return false;
    }
    underruns.repaid(skip);
    return true;
  }

  /** The player as the transport sees it: moves of the read position and the line. */
  private final class Deck implements Transport.Deck {
    @Override
    public long readPosition() {
      return tpos;
    }

    @Override
    public long heardPosition() {
      return heardT;
    }

    @Override
    public void cutShort() {
      interrupt();
      clips.clear();
    }

    @Override
    public void jumpTo(long t) {
      tpos = t;
      mute.soundingAt(audio, tpos);
    }

    @Override
    public void sayAgain(boolean gateOpen) {
      Clip.sayAgain(audio, steps, tpos, gateOpen).ifPresent(clips::add);
    }

    @Override
    public void sayLast(String phrase) {
      Clip.lastWords(sounds, phrase, SampleTime.durationOf(heardT, rate)).ifPresent(clips::add);
    }

    @Override
    public void pauseChanged(boolean paused) {
      // immediate: the buffer was dropped on pause, and resuming is heard from now on
      emit(new SessionEvent.PauseChanged(paused));
    }
  }

  // ---- cutting short: drop what is buffered, rewind to what was heard

  /** Drops the unheard part of the line's buffer and rewinds the session to what was heard. */
  private void interrupt() {
    long buffered = buffered();
    if (buffered > 0) {
      try {
        output.discardBuffered();
      } catch (AudioFailure e) {
        deviceLost(e.getMessage());
        return;
      }
    }
    rewindTo(ledger.written() - buffered);
    if (buffered > 0) {
      underruns.restart(ledger.written());
    }
    mute.soundingAt(audio, tpos);
    speaking = "";
  }

  private void rewindTo(long h) {
    tpos = ledger.rewindTo(h, tpos, clips);
    heard.forgetFrom(h);
  }

  private void deviceLost(String reason) {
    long unheard = output.lost();
    rewindTo(ledger.written() - unheard);
    enterTextMode(reason);
  }

  private void enterTextMode(String reason) {
    output.toTextMode(reason);
    clips.removeIf(c -> !c.played && c.cue == null); // no preroll without a device
    emit(new SessionEvent.TextMode(reason));
  }

  // ---- what is heard

  private long buffered() {
    return output.buffered(ledger.written());
  }

  private void reportHeard() {
    long h = ledger.written() - buffered();
    heard.heardUpTo(h, this::dispatch);
    heardT = ledger.heardAt(h, tpos);
    if (!speaking.isEmpty() && h >= speakingUntilOut) {
      speaking = "";
    }
    if (h >= nextProgressOut && transport.phase() != Phase.STARTING) {
      nextProgressOut = h + rate;
      SessionSnapshot st = snapshotNow(null);
      emit(
          new SessionEvent.Progress(
              st.sessionElapsed(),
              st.sessionTotal(),
              st.stepIndex(),
              st.stepElapsed(),
              st.stepTotal(),
              transport.phase() == Phase.PAUSED));
    }
  }

  private void dispatch(Heard what) {
    if (what instanceof HeardEvents.StepDone d) {
      if (!transport.skipped(d.step())) {
        stepsCompleted++;
      }
    } else if (what instanceof HeardEvents.Speaking s) {
      speaking = s.text();
      speakingUntilOut = s.untilOut();
    } else if (what instanceof HeardEvents.StepBegins s) {
      emit(s.event());
    } else if (what instanceof HeardEvents.CueBegins c) {
      emit(c.event());
    } else if (what instanceof HeardEvents.WaitBegins w) {
      emit(w.event());
    } else {
      throw new AssertionError(what);
    }
  }

  private void emit(SessionEvent e) {
    listeners.emit(e);
  }

  private void publish(SessionOutcome outcome) {
    snapshot = snapshotNow(outcome);
  }

  private SessionSnapshot snapshotNow(SessionOutcome outcome) {
    return snapshots.at(transport.phase(), heardT, speaking, output.textMode(), outcome);
  }
}
