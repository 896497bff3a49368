package dev.calmcue.cli;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.Clock;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionPlayer;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.speech.CachingSpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;

/** Loads, plans and prepares the session of a {@link PlayRequest}, then plays it at the terminal. */
final class LivePlay {
  /** A first cue longer than this (30 s at 16 kHz) is only partly hinted. */
  private static final int MAX_HINT_SAMPLES = 480_000;

  private final PlayRequest request;

  LivePlay(PlayRequest request) {
    this.request = request;
  }

  int run(PrintWriter out, PrintWriter err) {
    Optional<EarlyAudio> early = request.text() ? Optional.empty() : EarlyAudio.take();
    Routine routine = RoutineCatalog.standard().resolve(request.routine());
    PreparedSession prepared;
    try (CachingSpeechEngine engine = SpeechEngines.open(request.session().speech())) {
      prepared = new SessionPreparer(engine).prepare(routine, request.session());
    }
    TimelineAudio audio = prepared.audio();
    int rate = audio.sampleRate();
    Optional<EarlyAudio.Started> started = early.flatMap(e -> handOver(e, audio));
    Supplier<AudioSink> output;
    if (request.text()) {
      String why = request.display().speed() != 1.0 ? "--speed was given" : "--text was given";
      output = () -> {
        throw new AudioFailure(why, null);
      };
    } else if (started.isPresent()) {
      output = started.get()::sink; // the line the launch thread opened, still playing
    } else {
      output = () -> LineAudioSink.open(rate, LineAudioSink.DEFAULT_BUFFER);
    }
    SessionPlayer player =
        new SessionPlayer(prepared.timeline(), prepared.sounds(), audio, output, Clock.system(), request.player());
    started.ifPresent(s -> player.continueAfter(new SessionPlayer.Headstart(s.prerollWritten(), s.timelineWritten())));
    return new TerminalSession(player, out, err, request.display()).run();
  }

  /**
   * Takes the line from the launch thread. Its sound is kept only if it is exactly this session's
   * beginning; otherwise (the routine changed) it is dropped and the session starts clean on the same
   * line. Updates the launch hint for next time.
   */
  private Optional<EarlyAudio.Started> handOver(EarlyAudio early, TimelineAudio audio) {
    LaunchHint fresh = hintFor(audio, (int) SampleTime.sampleAt(request.player().preroll(), audio.sampleRate()));
    Optional<EarlyAudio.Started> started;
    try {
      started = early.handOver();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started = Optional.empty();
    }
    if (started.isEmpty() || !started.get().hint().sameAs(fresh)) {
      early.hintFile().ifPresent(fresh::write);
    }
    if (started.isPresent() && !started.get().hint().sameAs(fresh)) {
      EarlyAudio.Started s = started.get();
      s.sink().discardBuffered();
      return Optional.of(new EarlyAudio.Started(s.sink(), s.hint(), 0, 0)); // nothing of it is kept
    }
    return started;
  }

  /** The start of this session as a launch hint: the first cue, and silence until the next one. */
  static LaunchHint hintFor(TimelineAudio audio, int prerollSamples) {
    int firstEnd = audio.cues().isEmpty() ? 0 : (int) Math.min(audio.endSample(0), MAX_HINT_SAMPLES);
    long next = audio.cues().size() > 1 ? audio.startSample(1) : audio.totalSamples();
    if (audio.cues().isEmpty() || audio.endSample(0) > firstEnd) {
      next = firstEnd; // only part of the first cue is in the hint: nothing after it is known
    }
    short[] samples = new short[firstEnd];
    audio.fill(0, samples, 0, firstEnd);
    return new LaunchHint(audio.sampleRate(), prerollSamples, (int) Math.max(firstEnd, Math.min(next, Integer.MAX_VALUE)), samples);
  }
}
