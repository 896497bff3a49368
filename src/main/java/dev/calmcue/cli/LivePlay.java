package dev.calmcue.cli;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.Clock;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionPlayer;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.speech.CachingSpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.io.PrintWriter;
import java.util.function.Supplier;

/** Loads, plans and prepares the session of a {@link PlayRequest}, then plays it at the terminal. */
final class LivePlay {
  private final PlayRequest request;

  LivePlay(PlayRequest request) {
    this.request = request;
  }

  int run(PrintWriter out, PrintWriter err) {
    Routine routine = RoutineCatalog.standard().resolve(request.routine());
    PreparedSession prepared;
    try (CachingSpeechEngine engine = SpeechEngines.open(request.session().speech())) {
      prepared = new SessionPreparer(engine).prepare(routine, request.session());
    }
    int rate = prepared.audio().sampleRate();
    Supplier<AudioSink> output =
        request.text()
            ? () -> {
              throw new AudioFailure(request.display().speed() != 1.0 ? "--speed was given" : "--text was given", null);
            }
            : () -> LineAudioSink.open(rate, LineAudioSink.DEFAULT_BUFFER);
    SessionPlayer player =
        new SessionPlayer(
            prepared.timeline(), prepared.sounds(), prepared.audio(), output, Clock.system(), request.player());
    return new TerminalSession(player, out, err, request.display()).run();
  }
}
