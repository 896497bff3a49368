package dev.calmcue.session;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.StepSpan;
import dev.calmcue.plan.Timeline;
import dev.calmcue.session.SessionOutcome.Ending;
import dev.calmcue.session.SessionSnapshot.Phase;
import dev.calmcue.speech.Pcm;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live, hands-free session. One writer thread (the one calling {@link #run()}) feeds one sink with
 * the timeline's samples, 20 ms at a time, silence included, so the sound card never runs dry and every
 * cue lands at its planned sample. Everything is counted in samples from one start: a pause holds the
 * timeline's read position while silence keeps flowing, so every later cue moves by exactly the pause;
 * next jumps the read position to the next step; repeat inserts the instruction's clip. Cues never
 * overlap: a cue cut by a command is muted for the rest of its length.
 *
 * <p>Events are reported when they are heard, not when written ahead into the line's buffer. Commands
 * may be submitted from any thread; listeners are called on the writer thread. If the sound device
 * cannot be opened or goes away mid-session, the player carries on in text mode, paced by the clock,
 * from the same place.
 */
public final class SessionPlayer {
  private static final Duration CHUNK = Duration.ofMillis(20);

  private final Timeline timeline;
  private final CueSounds sounds;
  private final TimelineAudio audio;
  private final Supplier<AudioSink> output;
  private final Clock clock;
  private final PlayerSettings settings;
  private final int rate;
  private final int chunk;
  private final long[] stepStart;
  private final long[] stepEnd;
  private final int stepCount;
  /** The first closing cue (the closing may be several cues), or -1. */
  private final int closingIndex;
  /** Where the steps start, or -1 when there is no prelude to answer "Ready?" after. */
  private final long gateSample;

  private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
  private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile String cancelReason;
  private volatile SessionSnapshot snapshot;

  // Everything below belongs to the writer thread.
  private AudioSink sink;
  private String textMode;
  private Phase phase = Phase.STARTING;
  /** Samples written to the sink so far (the output clock). */
  private long out;
  /** The next timeline sample to write. */
  private long tpos;
  /** The timeline sample being heard now. */
  private long heardT;
  private final Deque<Clip> inserts = new ArrayDeque<>();
  private final Deque<Segment> segments = new ArrayDeque<>();
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(
          Comparator.comparingLong(Pending::out).thenComparingInt(Pending::rank).thenComparingLong(Pending::seq));
  private long pendingSeq;
  private long muteFrom;
  private long muteUntil;
  private boolean gateOpen;
  private long waitStartOut;
  private final boolean[] skipped;
  private int stepsCompleted;
  private long playedSamples;
  /** Ending with the rest of the timeline (the routine's closing) rather than with an inserted clip. */
  private boolean closingOnTimeline;
  private Ending ending;
  private String endingDetail;
  private long nextProgressOut;
  private String speaking = "";
  private long speakingUntilOut;
  private final short[] buf;
  private volatile Headstart headstart;

  /** A player for a prepared session (what play and serve use). */
  public static SessionPlayer of(
      PreparedSession session, Supplier<AudioSink> output, Clock clock, PlayerSettings settings) {
    return new SessionPlayer(session.timeline(), session.sounds(), session.audio(), output, clock, settings);
  }

  /**
   * @param output opens the sound device; if it throws {@link AudioFailure} the session runs in text
   *     mode. Called once, on the writer thread; the player closes what it returns.
   */
  public SessionPlayer(
      Timeline timeline,
      CueSounds sounds,
      TimelineAudio audio,
      Supplier<AudioSink> output,
      Clock clock,
      PlayerSettings settings) {
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    this.sounds = Objects.requireNonNull(sounds, "sounds");
    this.audio = Objects.requireNonNull(audio, "audio");
    this.output = Objects.requireNonNull(output, "output");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.rate = audio.sampleRate();
    this.chunk = (int) SampleTime.sampleAt(CHUNK, rate);
    this.buf = new short[chunk];
    List<StepSpan> steps = timeline.steps();
    this.stepCount = steps.size();
    this.stepStart = new long[stepCount];
    this.stepEnd = new long[stepCount];
    for (int i = 0; i < stepCount; i++) {
      stepStart[i] = SampleTime.sampleAt(steps.get(i).start(), rate);
      stepEnd[i] = SampleTime.sampleAt(steps.get(i).end(), rate);
    }
    this.skipped = new boolean[stepCount];
    int closing = -1;
    boolean prelude = false;
    for (int i = 0; i < audio.cues().size(); i++) {
      Cue c = audio.cues().get(i);
      if (c.kind() == CueKind.CLOSING && closing < 0) {
        closing = i;
      }
      // only a prelude that asks "Ready?" waits for an answer
      prelude |= c.kind() == CueKind.READY && c.at().compareTo(timeline.stepsStart()) < 0;
    }
    this.closingIndex = closing;
    this.gateSample = prelude ? SampleTime.sampleAt(timeline.stepsStart(), rate) : -1;
    this.gateOpen = !prelude;
    publish();
  }

  /**
   * Tells the player that the sink it will get already holds {@code headstart.prerollSamples()} of
   * silence followed by the first {@code headstart.timelineSamples()} samples of the timeline, written
   * by a launcher that started the sound before the session was prepared. The player carries on from
   * there, sample-exact, and reports those cues as they are heard. Call before {@link #run()}.
   */
  public void continueAfter(Headstart headstart) {
    if (started.get()) {
      throw new IllegalStateException("the session is already running");
    }
    long limit = gateOpen ? audio.totalSamples() : gateSample;
    if (headstart.timelineSamples() > limit) {
      throw new IllegalArgumentException("a headstart cannot go past " + limit + " samples");
    }
    this.headstart = headstart;
  }

  /**
   * Sound already written to the sink before the player took it over: silence, the timeline's first
   * samples, then (if the launcher had to wait for the session) more silence, which moves every later
   * cue by its length exactly as a pause would.
   */
  public record Headstart(long prerollSamples, long timelineSamples, long silenceAfter) {
    public Headstart {
      if (prerollSamples < 0 || timelineSamples < 0 || silenceAfter < 0 || silenceAfter > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("bad headstart");
      }
    }
  }

  /** Calls {@code listener} with every event, on the writer thread; it should return quickly. */
  public void addListener(Consumer<SessionEvent> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Asks the session to do something; thread-safe, returns at once, acted on within ~20 ms. */
  public void submit(Command command) {
    commands.add(Objects.requireNonNull(command));
  }

  /**
   * Ends the session at once, without the closing (Ctrl-C, shutdown): what is buffered is dropped,
   * the outcome is {@code STOPPED} with {@code reason} as detail. Thread-safe.
   */
  public void cancel(String reason) {
    cancelReason = Objects.requireNonNull(reason);
  }

  /** The latest snapshot; cheap, thread-safe. */
  public SessionSnapshot state() {
    return snapshot;
  }

  /** Plays the session to its end on the calling thread and says how it ended. Call once. */
  public SessionOutcome run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a session player runs once");
    }
    SessionOutcome outcome;
    try {
      open();
      loop();
      finishSound();
      outcome = outcome(ending, endingDetail);
    } catch (RuntimeException e) {
      // a bug or a failure text mode could not absorb: end, but never lose the outcome
      outcome = outcome(Ending.ERROR, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
    } finally {
      closeQuietly(sink);
    }
    phase = Phase.ENDED;
    speaking = "";
    publish(outcome);
    emit(new SessionEvent.Ended(outcome));
    return outcome;
  }

  private SessionOutcome outcome(Ending e, String detail) {
    return new SessionOutcome(e, detail, stepsCompleted, SampleTime.durationOf(playedSamples, rate));
  }

  private void open() {
    try {
      sink = output.get();
      if (sink.sampleRate() != rate) {
        closeQuietly(sink);
        throw new AudioFailure("the device plays at " + sink.sampleRate() + " Hz, not " + rate, null);
      }
      long preroll = SampleTime.sampleAt(settings.preroll(), rate);
      if (headstart != null) {
        takeOverHeadstart(headstart);
        // stopped inside the preroll: the rest of it still wakes the speaker
        preroll = headstart.timelineSamples() == 0 ? preroll - headstart.prerollSamples() : 0;
      }
      if (preroll > 0) {
        inserts.add(new Clip(new short[(int) preroll], false, null, -1));
      }
    } catch (AudioFailure e) {
      enterTextMode(e.getMessage());
    }
    phase = Phase.PLAYING;
  }

  /** Accounts for sound a launcher wrote, as if this player had written it. */
  private void takeOverHeadstart(Headstart h) {
    long t = h.timelineSamples();
    if (h.prerollSamples() > 0) {
      segments.addLast(new Segment(0, (int) h.prerollSamples(), 0, false, false, null, 0));
    }
    out = h.prerollSamples();
    while (tpos < t) {
      int n = (int) Math.min(chunk, t - tpos);
      scheduleTimelineEvents(n);
      segments.addLast(new Segment(out, n, tpos, true, true, null, 0));
      playedSamples += n;
      out += n;
      tpos += n;
    }
    if (h.silenceAfter() > 0) {
      segments.addLast(new Segment(out, (int) h.silenceAfter(), tpos, false, false, null, 0));
      out += h.silenceAfter();
    }
  }

  private void loop() {
    while (true) {
      if (cancelReason != null) {
        interrupt();
        inserts.clear();
        ending = Ending.STOPPED;
        endingDetail = cancelReason;
        return;
      }
      applyCommands();
      if (inserts.isEmpty()) {
        if (phase == Phase.ENDING && !(closingOnTimeline && tpos < audio.totalSamples())) {
          return;
        }
        if (phase == Phase.PLAYING && !gateOpen && tpos >= gateSample) {
          phase = Phase.WAITING_FOR_READY;
          waitStartOut = out;
          addPending(out, 3, new SessionEvent.WaitingForReady(settings.readyTimeout()));
        } else if (phase == Phase.PLAYING && tpos >= audio.totalSamples()) {
          ending = Ending.COMPLETED;
          endingDetail = "completed";
          return;
        }
      }
      writeChunk();
      fireHeard();
      publish();
    }
  }

  /** Lets the last sound play out, reporting what is heard on the way. */
  private void finishSound() {
    if (cancelReason == null) {
      long limit = clock.nanoTime() + 2_000_000_000L + SampleTime.durationOf(safeBuffered(), rate).toNanos();
      for (long b = safeBuffered(); b > 0 && cancelReason == null && clock.nanoTime() < limit; b = safeBuffered()) {
        clock.sleepUntil(clock.nanoTime() + Math.min(10_000_000L, b * 1_000_000_000L / rate + 1));
        fireHeard();
        publish();
      }
      try {
        sink.drain();
      } catch (RuntimeException e) {
        // the device went away during the last few milliseconds: nothing left to save
      }
    }
    fireAll();
  }

  // ---- producing and writing samples

  private void writeChunk() {
    if (debt > 0 && inserts.isEmpty() && repayDebt()) {
      return;
    }
    int n;
    Segment seg;
    Clip clip = inserts.peekFirst();
    if (clip != null) {
      if (clip.pos == 0) {
        onClipStart(clip);
      }
      n = Math.min(chunk, clip.samples.length - clip.pos);
      System.arraycopy(clip.samples, clip.pos, buf, 0, n);
      seg = new Segment(out, n, tpos, false, clip.played, clip, clip.pos);
      clip.pos += n;
      if (clip.pos == clip.samples.length) {
        inserts.pollFirst();
      }
    } else if (phase == Phase.PLAYING || (phase == Phase.ENDING && closingOnTimeline)) {
      long limit = gateOpen ? audio.totalSamples() : gateSample;
      n = (int) Math.min(chunk, limit - tpos);
      audio.fill(tpos, buf, 0, n);
      long from = Math.max(tpos, muteFrom);
      long to = Math.min(tpos + n, muteUntil);
      for (long s = from; s < to; s++) {
        buf[(int) (s - tpos)] = 0;
      }
      scheduleTimelineEvents(n);
      seg = new Segment(out, n, tpos, true, true, null, 0);
      tpos += n;
    } else {
      n = chunk;
      Arrays.fill(buf, 0, n, (short) 0);
      seg = new Segment(out, n, tpos, false, false, null, 0);
    }
    segments.addLast(seg);
    if (seg.played) {
      playedSamples += n;
    }
    mixOverlay(n);
    try {
      long queuedAhead = safeBuffered();
      sink.write(buf, 0, n);
      out += n;
      OutputTap t = tap;
      if (t != null) {
        t.written(clock.nanoTime(), queuedAhead, buf, 0, n);
      }
    } catch (AudioFailure e) {
      deviceLost(e.getMessage());
      return;
    }
    watchForUnderruns();
  }

  // ---- sounds laid over the session (the voice commands' acknowledgement) and the tap that tells
  // the voice listener which samples are sounding, so it never obeys calmcue's own voice

  /** Sees every block as it goes to the line: when it will be heard and what it holds. */
  public interface OutputTap {
    /**
     * @param nowNanos the player's clock as the block was written
     * @param queuedAhead samples in the line ahead of this block, not yet heard
     */
    void written(long nowNanos, long queuedAhead, short[] block, int offset, int length);
  }

  private volatile OutputTap tap;
  private final Queue<short[]> overlays = new ConcurrentLinkedQueue<>();
  private short[] overlay;
  private int overlayPos;

  /** The rate the player writes at (what {@link #overlay} takes). */
  public int sampleRate() {
    return rate;
  }

  /** Reports every block written to the line to {@code tap} (on the writer thread). */
  public void setOutputTap(OutputTap tap) {
    this.tap = tap;
  }

  /**
   * Mixes {@code sound} (at the session's rate) into what plays next, over speech or silence, without
   * moving any cue; thread-safe. Not heard in text mode.
   */
  public void overlay(short[] sound) {
    overlays.add(sound.clone());
  }

  private void mixOverlay(int n) {
    for (int i = 0; i < n; i++) {
      if (overlay == null || overlayPos == overlay.length) {
        overlay = overlays.poll();
        overlayPos = 0;
        if (overlay == null) {
          return;
        }
      }
      buf[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, buf[i] + overlay[overlayPos++]));
    }
  }

  // ---- underruns: the line ran dry (the machine was too busy to feed it) and every later cue would
  // be late by the gap. The gap is measured against the monotonic clock and taken back out of the
  // next stretch of silence, so lateness never accumulates over a long session. A sound card whose
  // clock runs a little fast or slow is not an underrun: its samples are the session's time.

  /** Samples of silence still to leave out, to make up for underruns. */
  private long debt;
  /** Samples of silence left out so far. */
  private long dropped;
  private final long[] blockMin = new long[UNDERRUN_BLOCKS];
  private int blocks;
  private long blockStartOut = -1;
  private long currentMin = Long.MAX_VALUE;
  private long watchFrom;

  private static final int UNDERRUN_BLOCKS = 4;
  private static final long UNDERRUN_THRESHOLD_NS = 20_000_000L;

  /**
   * After the line's buffer was dropped the device takes a moment to start again; that pause is part
   * of acting on the command (what follows is planned from now), not an underrun to make up for.
   */
  private void restartUnderrunWatch() {
    debt = 0;
    blocks = 0;
    currentMin = Long.MAX_VALUE;
    blockStartOut = -1;
    watchFrom = out + rate / 2;
  }

  private void watchForUnderruns() {
    if (textMode != null || out < watchFrom) {
      return;
    }
    long heard = out - safeBuffered();
    if (heard < rate) {
      return; // the line is still starting up
    }
    // when output sample 0 would have been heard, judging by this moment; only ever later than the
    // truth (positions are reported late, never early), so the minimum over a block is the estimate
    long origin = clock.nanoTime() - Math.round((heard + dropped) * 1e9 / rate);
    currentMin = Math.min(currentMin, origin);
    if (blockStartOut < 0) {
      blockStartOut = out;
    }
    if (out - blockStartOut < rate / 2) {
      return;
    }
    long baseline = Long.MAX_VALUE;
    for (int i = 0; i < Math.min(blocks, UNDERRUN_BLOCKS); i++) {
      baseline = Math.min(baseline, blockMin[i]);
    }
    if (blocks >= 2 && currentMin - baseline > UNDERRUN_THRESHOLD_NS) {
      debt += Math.round((currentMin - baseline) * rate / 1e9);
      blocks = 0; // start over: the samples left out will move the origin back
    } else {
      blockMin[blocks % UNDERRUN_BLOCKS] = currentMin;
      blocks++;
    }
    currentMin = Long.MAX_VALUE;
    blockStartOut = out;
  }

  /**
   * Leaves out up to {@link #debt} samples of silence here, if this is silence: a pause, the wait
   * for "Ready?", or a quiet stretch of the timeline before its next cue or step boundary.
   *
   * @return true if samples were left out instead of writing a chunk
   */
  private boolean repayDebt() {
    long skip;
    if (phase == Phase.PAUSED || phase == Phase.WAITING_FOR_READY) {
      skip = Math.min(debt, chunk);
    } else if (phase == Phase.PLAYING || (phase == Phase.ENDING && closingOnTimeline)) {
      int i = audio.firstCueAtOrAfter(tpos);
      boolean sounding = i > 0 && audio.endSample(i - 1) > tpos && !(tpos >= muteFrom && tpos < muteUntil);
      if (sounding) {
        return false;
      }
      long boundary = i < audio.cues().size() ? audio.startSample(i) : audio.totalSamples();
      if (!gateOpen) {
        boundary = Math.min(boundary, gateSample);
      }
      for (int k = 0; k < stepCount; k++) {
        if (stepStart[k] > tpos) {
          boundary = Math.min(boundary, stepStart[k]);
        }
        if (stepEnd[k] > tpos) {
          boundary = Math.min(boundary, stepEnd[k]);
        }
      }
      // keep one sample before the boundary, so its events are scheduled as usual
      skip = Math.min(debt, boundary - tpos - 1);
      if (skip <= 0) {
        return false;
      }
      tpos += skip;
      playedSamples += skip;
    } else {
      return false;
    }
    debt -= skip;
    dropped += skip;
    return true;
  }

  private void scheduleTimelineEvents(int n) {
    long end = tpos + n;
    List<Cue> cues = audio.cues();
    for (int i = audio.firstCueAtOrAfter(tpos); i < cues.size() && audio.startSample(i) < end; i++) {
      long s = audio.startSample(i);
      if (s >= muteFrom && s < muteUntil) {
        continue;
      }
      Cue cue = cues.get(i);
      addPending(out + s - tpos, 2, new Speaking(cue.text(), out + audio.endSample(i) - tpos));
      addPending(out + s - tpos, 2, new SessionEvent.CueStarted(cue));
    }
    for (int i = 0; i < stepCount; i++) {
      if (stepEnd[i] > tpos && stepEnd[i] <= end) {
        addPending(out + stepEnd[i] - tpos, 0, new StepDone(i));
      }
      if (stepStart[i] >= tpos && stepStart[i] < end) {
        StepSpan span = timeline.steps().get(i);
        addPending(
            out + stepStart[i] - tpos,
            1,
            new SessionEvent.StepStarted(i, stepCount, span.id(), span.title()));
      }
    }
  }

  private void onClipStart(Clip clip) {
    if (clip.stepIndex >= 0) {
      StepSpan span = timeline.steps().get(clip.stepIndex);
      addPending(out, 1, new SessionEvent.StepStarted(clip.stepIndex, stepCount, span.id(), span.title()));
    }
    if (clip.cue != null) {
      addPending(out, 2, new Speaking(clip.cue.text(), out + clip.samples.length));
      addPending(out, 2, new SessionEvent.CueStarted(clip.cue));
    }
  }

  // ---- commands

  private void applyCommands() {
    for (Command c = commands.poll(); c != null; c = commands.poll()) {
      if (phase == Phase.ENDING) {
        continue; // already closing: the closing is spoken to its end
      }
      if (c instanceof Command.TogglePause) {
        if (phase == Phase.WAITING_FOR_READY) {
          ready();
        } else if (phase == Phase.PAUSED) {
          resume();
        } else {
          pause();
        }
      } else if (c instanceof Command.Pause) {
        pause();
      } else if (c instanceof Command.Resume) {
        if (phase == Phase.PAUSED) {
          resume();
        }
      } else if (c instanceof Command.Ready) {
        ready();
      } else if (c instanceof Command.Next) {
        next();
      } else if (c instanceof Command.Repeat) {
        repeat();
      } else if (c instanceof Command.Stop) {
        stop();
      } else if (c instanceof Command.Fussy) {
        fussy();
      }
    }
    if (phase == Phase.WAITING_FOR_READY
        && out - waitStartOut >= SampleTime.sampleAt(settings.readyTimeout(), rate)) {
      endSaying(Ending.NO_START, "nobody answered \"Ready?\"", SessionPhrases.NO_START);
    }
  }

  private void pause() {
    if (phase != Phase.PLAYING) {
      return;
    }
    interrupt();
    inserts.clear();
    setPaused(true);
  }

  private void resume() {
    setPaused(false);
    sayCurrentAgain();
  }

  private void setPaused(boolean paused) {
    phase = paused ? Phase.PAUSED : Phase.PLAYING;
    // immediate: the buffer was dropped on pause, and resuming is heard from now on
    emit(new SessionEvent.PauseChanged(paused));
  }

  private void ready() {
    if (gateOpen) {
      return;
    }
    if (phase == Phase.WAITING_FOR_READY) {
      gateOpen = true;
      phase = Phase.PLAYING;
      return;
    }
    // answered before the question: skip the rest of the prelude
    if (phase == Phase.PAUSED) {
      setPaused(false);
    }
    interrupt();
    inserts.clear();
    gateOpen = true;
    jumpTo(gateSample);
  }

  private void next() {
    if (phase == Phase.WAITING_FOR_READY || (!gateOpen && tpos < gateSample)) {
      ready();
      return;
    }
    interrupt();
    inserts.clear();
    int step = stepAt(tpos);
    if (step >= stepCount) {
      return; // the closing: nothing to skip to
    }
    if (phase == Phase.PAUSED) {
      setPaused(false);
    }
    if (step >= 0) {
      skipped[step] = true;
    }
    jumpTo(step + 1 < stepCount ? stepStart[step + 1] : stepEnd[stepCount - 1]);
  }

  private void repeat() {
    if (phase == Phase.PAUSED) {
      resume();
      return;
    }
    if (phase == Phase.WAITING_FOR_READY) {
      interrupt();
      inserts.clear();
      sayCurrentAgain(); // the ready question
      return;
    }
    interrupt();
    inserts.clear();
    sayCurrentAgain();
  }

  private void stop() {
    boolean inSteps = gateOpen && stepAt(heardT) < stepCount;
    if (gateOpen && !inSteps) {
      return; // the closing is already being spoken
    }
    if (phase == Phase.PAUSED) {
      setPaused(false);
    }
    if (inSteps && closingIndex >= 0) {
      endWith(Ending.STOPPED, "stopped", null, null);
      // the routine's closing as planned, from its first cue to the end of the timeline
      closingOnTimeline = true;
      jumpTo(Math.max(tpos, audio.startSample(closingIndex)));
    } else {
      endWith(Ending.STOPPED, "stopped before the steps began", null, null);
    }
  }

  private void fussy() {
    if (phase == Phase.PAUSED) {
      setPaused(false);
    }
    endSaying(Ending.FUSSY, "the baby was fussy", SessionPhrases.FUSSY_CLOSING);
  }

  /** Ends after speaking one of the {@link SessionPhrases} (silently if it was not prepared). */
  private void endSaying(Ending e, String detail, String phrase) {
    Duration at = SampleTime.durationOf(heardT, rate);
    Cue cue = sounds.speechOf(phrase)
        .map(pcm -> new Cue(at, at.plus(pcm.duration()), CueKind.CLOSING, null, phrase))
        .orElse(null);
    endWith(e, detail, cue, sounds.speechOf(phrase).orElse(null));
  }

  /** Stops what is sounding and ends after {@code closing} (if not null) has been spoken. */
  private void endWith(Ending e, String detail, Cue closing, Pcm sound) {
    interrupt();
    inserts.clear();
    ending = e;
    endingDetail = detail;
    phase = Phase.ENDING;
    if (closing != null && sound != null) {
      inserts.add(new Clip(sound.samples(), true, closing, -1));
    }
  }

  /** Says the current instruction (or, before the steps, the last prelude cue) again. */
  private void sayCurrentAgain() {
    int step = gateOpen ? stepAt(tpos) : -1;
    int cueIndex = -1;
    if (step >= 0 && step < stepCount) {
      String id = timeline.steps().get(step).id();
      for (int i = 0; i < audio.cues().size(); i++) {
        Cue c = audio.cues().get(i);
        if (c.kind() == CueKind.INSTRUCTION && id.equals(c.stepId())) {
          cueIndex = i;
          break;
        }
      }
      if (cueIndex >= 0 && audio.startSample(cueIndex) >= tpos) {
        return; // it has not been spoken yet and comes next anyway
      }
    } else if (step < 0) {
      long upTo = gateOpen ? tpos : Math.min(tpos, gateSample - 1);
      cueIndex = audio.firstCueAtOrAfter(upTo + 1) - 1; // the last prelude cue started so far
    }
    if (cueIndex >= 0) {
      Cue cue = audio.cues().get(cueIndex);
      inserts.add(
          new Clip(audio.soundOf(cueIndex).samples(), true, cue, step >= 0 && step < stepCount ? step : -1));
    }
  }

  private void jumpTo(long t) {
    tpos = t;
    muteSounding();
  }

  // ---- cutting short: drop what is buffered, rewind to what was heard

  /** Drops the unheard part of the line's buffer and rewinds the session to what was heard. */
  private void interrupt() {
    long buffered = safeBuffered();
    if (buffered > 0) {
      try {
        sink.discardBuffered();
      } catch (AudioFailure e) {
        deviceLost(e.getMessage());
        return;
      }
    }
    rewindTo(out - buffered);
    if (buffered > 0) {
      restartUnderrunWatch();
    }
    muteSounding();
    speaking = "";
  }

  /** Forgets everything written from output sample {@code h} on, as if it had never been written. */
  private void rewindTo(long h) {
    List<Segment> dropped = new ArrayList<>();
    while (!segments.isEmpty() && segments.peekLast().end() > h) {
      Segment s = segments.pollLast();
      dropped.add(s);
      long lost = s.end() - Math.max(h, s.outStart);
      if (s.played) {
        playedSamples -= lost;
      }
      if (s.outStart < h) {
        int kept = (int) (h - s.outStart);
        segments.addLast(new Segment(s.outStart, kept, s.tStart, s.timeline, s.played, s.clip, s.clipPos));
        tpos = s.timeline ? s.tStart + kept : s.tStart;
        if (s.clip != null) {
          restoreClip(s.clip, s.clipPos + kept);
        }
      } else {
        tpos = s.tStart;
        if (s.clip != null) {
          restoreClip(s.clip, s.clipPos);
        }
      }
    }
    out = Math.min(out, h);
    pending.removeIf(p -> p.out >= h);
  }

  private void restoreClip(Clip clip, int pos) {
    if (inserts.peekFirst() != clip) {
      inserts.remove(clip);
      inserts.addFirst(clip);
    }
    clip.pos = pos;
  }

  /** Mutes the rest of any cue that started before the read position and would still sound. */
  private void muteSounding() {
    int i = audio.firstCueAtOrAfter(tpos) - 1;
    if (i >= 0 && audio.endSample(i) > tpos) {
      muteFrom = tpos;
      muteUntil = audio.endSample(i);
    }
  }

  private void deviceLost(String reason) {
    long buffered = 0;
    try {
      buffered = sink.bufferedSamples();
    } catch (RuntimeException e) {
      // the device is gone; assume nothing more of the buffer was heard
    }
    closeQuietly(sink);
    rewindTo(out - buffered);
    enterTextMode(reason);
  }

  private void enterTextMode(String reason) {
    sink = new ClockPacedSink(clock, rate, settings.textSpeed());
    textMode = reason;
    inserts.removeIf(c -> !c.played && c.cue == null); // no preroll without a device
    emit(new SessionEvent.TextMode(reason));
  }

  // ---- what is heard

  private long safeBuffered() {
    try {
      return Math.min(sink.bufferedSamples(), out);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private void fireHeard() {
    long heard = out - safeBuffered();
    while (!pending.isEmpty() && pending.peek().out <= heard) {
      dispatch(pending.poll().what);
    }
    while (!segments.isEmpty() && segments.peekFirst().end() <= heard) {
      segments.pollFirst();
    }
    Segment s = segments.peekFirst();
    heardT = s == null ? tpos : s.timeline ? s.tStart + Math.max(0, heard - s.outStart) : s.tStart;
    if (!speaking.isEmpty() && heard >= speakingUntilOut) {
      speaking = "";
    }
    if (heard >= nextProgressOut && phase != Phase.STARTING) {
      nextProgressOut = heard + rate;
      SessionSnapshot st = snapshotNow(null);
      emit(
          new SessionEvent.Progress(
              st.sessionElapsed(),
              st.sessionTotal(),
              st.stepIndex(),
              st.stepElapsed(),
              st.stepTotal(),
              phase == Phase.PAUSED));
    }
  }

  private void fireAll() {
    while (!pending.isEmpty()) {
      dispatch(pending.poll().what);
    }
    heardT = tpos;
  }

  private void dispatch(Object what) {
    if (what instanceof StepDone d) {
      if (!skipped[d.index]) {
        stepsCompleted++;
      }
    } else if (what instanceof Speaking s) {
      speaking = s.text;
      speakingUntilOut = s.untilOut;
    } else if (what instanceof SessionEvent e) {
      emit(e);
    }
  }

  private void emit(SessionEvent e) {
    for (Consumer<SessionEvent> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        // a broken display (status line, phone page) must never stop the session
      }
    }
  }

  private void addPending(long at, int rank, Object what) {
    pending.add(new Pending(at, rank, pendingSeq++, what));
  }

  /** 0-based step at timeline sample {@code t}: -1 before the steps, stepCount after them. */
  private int stepAt(long t) {
    if (stepCount == 0 || t < stepStart[0]) {
      return -1;
    }
    if (t >= stepEnd[stepCount - 1]) {
      return stepCount;
    }
    int i = stepCount - 1;
    while (i > 0 && stepStart[i] > t) {
      i--;
    }
    return i;
  }

  private void publish() {
    snapshot = snapshotNow(null);
  }

  private void publish(SessionOutcome outcome) {
    snapshot = snapshotNow(outcome);
  }

  private SessionSnapshot snapshotNow(SessionOutcome outcome) {
    int step = stepAt(heardT);
    String title;
    Duration stepElapsed = Duration.ZERO;
    Duration stepTotal = Duration.ZERO;
    if (step < 0) {
      title = "Getting ready";
    } else if (step >= stepCount) {
      title = "Closing";
    } else {
      StepSpan span = timeline.steps().get(step);
      title = span.title();
      stepTotal = span.length();
      stepElapsed = SampleTime.durationOf(Math.max(0, heardT - stepStart[step]), rate);
    }
    return new SessionSnapshot(
        timeline.routineId(),
        timeline.title(),
        phase,
        step,
        stepCount,
        title,
        SampleTime.durationOf(heardT, rate),
        timeline.total(),
        stepElapsed,
        stepTotal,
        speaking,
        textMode,
        outcome);
  }

  private static void closeQuietly(AudioSink s) {
    if (s == null) {
      return;
    }
    try {
      s.close();
    } catch (RuntimeException e) {
      // closing a device that already failed; nothing more to do
    }
  }

  /** A sound played outside the timeline (preroll, a repeat, a closing); the timeline waits for it. */
  private static final class Clip {
    final short[] samples;
    final boolean played;
    final Cue cue;
    final int stepIndex;
    int pos;

    Clip(short[] samples, boolean played, Cue cue, int stepIndex) {
      this.samples = samples;
      this.played = played;
      this.cue = cue;
      this.stepIndex = stepIndex;
    }
  }

  /** A stretch of output written to the sink and what it came from, kept until it has been heard. */
  private record Segment(
      long outStart, int length, long tStart, boolean timeline, boolean played, Clip clip, int clipPos) {
    long end() {
      return outStart + length;
    }
  }

  /** Something to report when output sample {@code out} is heard; rank orders same-sample events. */
  private record Pending(long out, int rank, long seq, Object what) {}

  private record StepDone(int index) {}

  private record Speaking(String text, long untilOut) {}
}
