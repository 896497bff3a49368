package dev.calmcue.cli;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.history.HistoryRecorder;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.history.RecordedSettings;
import dev.calmcue.plan.Timeline;
import dev.calmcue.plan.TimelinePlanner;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.Clock;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionPhrases;
import dev.calmcue.session.SessionPlayer;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.CachingSpeechEngine;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** Loads, plans and prepares the session of a {@link PlayRequest}, then plays it at the terminal. */
final class LivePlay {
  /** A first cue longer than this (30 s at 16 kHz) is only partly hinted. */
  private static final int MAX_HINT_SAMPLES = 480_000;

  private final PlayRequest request;
  private final HistoryStore history;

  LivePlay(PlayRequest request, HistoryStore history) {
    this.request = request;
    this.history = history;
  }

  int run(PrintWriter out, PrintWriter err) {
    Optional<EarlyAudio> early = request.text() ? Optional.empty() : EarlyAudio.take();
    SessionSettings settings = request.session();
    int prerollSamples;
    PreparedSession prepared;
    try (CachingSpeechEngine engine = openEngine(settings, early)) {
      if (early.isPresent() && waitingForFirstCue(early.get(), engine.sampleRate())) {
        // no hint: the voice may have to load; let it, while the routine loads
        engine.warmUpInBackground(SessionPhrases.NO_START);
      }
      Routine routine = RoutineCatalog.standard().resolve(request.routine());
      prerollSamples = (int) SampleTime.sampleAt(request.player().preroll(), engine.sampleRate());
      if (early.isPresent() && waitingForFirstCue(early.get(), engine.sampleRate())) {
        early.get().playFirstCue(firstCue(routine, settings, engine, prerollSamples));
      }
      prepared = new SessionPreparer(engine).prepare(routine, settings);
    }
    TimelineAudio audio = prepared.audio();
    int rate = audio.sampleRate();
    Optional<Takeover> takeover = early.flatMap(e -> takeOver(e, audio, prerollSamples));
    Supplier<AudioSink> output;
    if (request.text()) {
      String why = request.display().speed() != 1.0 ? "--speed was given" : "--text was given";
      output = () -> {
        throw new AudioFailure(why, null);
      };
    } else if (takeover.isPresent()) {
      output = takeover.get()::sink; // the line the launch thread opened, still playing
    } else {
      output = () -> LineAudioSink.open(rate, LineAudioSink.DEFAULT_BUFFER);
    }
    SessionPlayer player =
        SessionPlayer.of(prepared, output, Clock.system(), request.player());
    takeover.ifPresent(t -> player.continueAfter(t.headstart()));
    if (!request.recordsHistory()) {
      return new TerminalSession(player, out, err, request.display()).run();
    }
    HistoryRecorder recorder =
        HistoryRecorder.start(
            history,
            prepared.timeline(),
            RecordedSettings.of(settings, request.text()),
            w -> err.println("calmcue: warning: " + w));
    player.addListener(recorder);
    // Ctrl-C is handled by TerminalSession; this catches SIGTERM and other ends of the JVM mid-session.
    Thread hook = new Thread(recorder::processEnding, "calmcue-history");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return new TerminalSession(player, out, err, request.display()).run();
    } catch (RuntimeException | Error e) {
      recorder.failed(e);
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running or done.
      }
    }
  }

  /** The engine for these settings: the one the launch thread is already warming up, if it matches. */
  private static CachingSpeechEngine openEngine(SessionSettings settings, Optional<EarlyAudio> early) {
    CachingSpeechEngine opened = SpeechEngines.open(settings.speech());
    if (early.isEmpty()) {
      return opened;
    }
    try {
      Optional<CachingSpeechEngine> warm = early.get().warmEngine(opened.settingsKey());
      if (warm.isPresent()) {
        opened.close();
        return warm.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return opened;
  }

  /** The open line and what is already on it. */
  private record Takeover(LineAudioSink sink, SessionPlayer.Headstart headstart) {}

  private static boolean waitingForFirstCue(EarlyAudio early, int rate) {
    try {
      return early.waitingForFirstCue(rate);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The first cue's sound, made before the rest (cold start): the intro is said first and starts at 0
   * whatever the other cues last, so a sketch plan with placeholder lengths names it exactly.
   */
  private static LaunchHint firstCue(Routine routine, SessionSettings settings, SpeechEngine engine, int preroll) {
    Timeline sketch = new TimelinePlanner(text -> Duration.ofSeconds(1)).plan(routine, settings.plan());
    Pcm pcm = new Volume(settings.volumePercent()).apply(engine.synthesize(sketch.cues().get(0).text()));
    return new LaunchHint(pcm.sampleRate(), preroll, pcm.length(), pcm.samples());
  }

  /**
   * Takes the line from the launch thread. What it played is kept only if it is exactly this
   * session's beginning; otherwise (the routine changed) it is dropped and the session starts clean on
   * the same line. Updates the launch hint for next time.
   */
  private static Optional<Takeover> takeOver(EarlyAudio early, TimelineAudio audio, int prerollSamples) {
    LaunchHint fresh = hintFor(audio, prerollSamples);
    Optional<EarlyAudio.Started> started;
    try {
      started = early.handOver();
      if (!fresh.sameAs(early.storedHint())) {
        early.hintFile().ifPresent(fresh::write);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (started.isEmpty()) {
      return Optional.empty();
    }
    EarlyAudio.Started s = started.get();
    if (s.sink().sampleRate() != audio.sampleRate()) {
      s.sink().close(); // another engine's rate: the player opens its own line
      return Optional.empty();
    }
    long w = s.timelineWritten();
    if (w == 0) {
      return Optional.of(new Takeover(s.sink(), new SessionPlayer.Headstart(s.prerollWritten(), 0, 0)));
    }
    short[] played = s.played().samples();
    short[] planned = new short[played.length];
    audio.fill(0, planned, 0, planned.length);
    long next = nextCue(audio);
    boolean exact = Arrays.equals(played, planned) && (w <= played.length || audio.endSample(0) <= played.length);
    if (!exact) {
      s.sink().discardBuffered();
      return Optional.of(new Takeover(s.sink(), new SessionPlayer.Headstart(0, 0, 0)));
    }
    return Optional.of(
        new Takeover(s.sink(), new SessionPlayer.Headstart(s.prerollWritten(), Math.min(w, next), Math.max(0, w - next))));
  }

  /** Where the second cue starts: silence up to there follows the first cue. */
  private static long nextCue(TimelineAudio audio) {
    return audio.cues().size() > 1 ? audio.startSample(1) : audio.totalSamples();
  }

  /** The start of this session as a launch hint: the first cue, and silence until the next one. */
  static LaunchHint hintFor(TimelineAudio audio, int prerollSamples) {
    int firstEnd = audio.cues().isEmpty() ? 0 : (int) Math.min(audio.endSample(0), MAX_HINT_SAMPLES);
    long next = nextCue(audio);
    if (audio.cues().isEmpty() || audio.endSample(0) > firstEnd) {
      next = firstEnd; // only part of the first cue is in the hint: nothing after it is known
    }
    short[] samples = new short[firstEnd];
    audio.fill(0, samples, 0, firstEnd);
    return new LaunchHint(audio.sampleRate(), prerollSamples, (int) Math.max(firstEnd, Math.min(next, Integer.MAX_VALUE)), samples);
  }
}
