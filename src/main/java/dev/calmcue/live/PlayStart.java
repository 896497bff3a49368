package dev.calmcue.live;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.Timeline;
import dev.calmcue.plan.TimelinePlanner;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionPhrases;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.CachingSpeechEngine;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How {@code calmcue play} gets a session going as fast as it can: with the sound line the launch
 * thread opened ({@link EarlyAudio}) and its voice, the first cue played while the rest is
 * prepared, and the line taken over sample-exact.
 */
public final class PlayStart {
  /**
   * What to play and how.
   *
   * @param routine a catalog id or a routine file
   * @param noSound why the session runs without sound, or null to use the device
   */
  public record Request(String routine, SessionSettings settings, String noSound) {}

  private PlayStart() {}

  /**
   * Loads, plans and prepares the session and starts its history.
   *
   * @param launch the launch thread's line, if {@code main} started one
   */
  public static LiveSession prepare(
      Request request, Optional<EarlyAudio> launch, LiveSession.Wiring wiring) {
    Optional<EarlyAudio> early = request.noSound() != null ? Optional.empty() : launch;
    SessionSettings settings = request.settings();
    int prerollSamples;
    PreparedSession prepared;
    try (CachingSpeechEngine engine = openEngine(settings, early)) {
      if (early.isPresent() && waitingForFirstCue(early.get(), engine.sampleRate())) {
        // no hint: the voice may have to load; let it, while the routine loads
        engine.warmUpInBackground(SessionPhrases.NO_START);
      }
      Routine routine = RoutineCatalog.standard().resolve(request.routine());
      prerollSamples = (int) SampleTime.sampleAt(wiring.player().preroll(), engine.sampleRate());
      if (early.isPresent() && waitingForFirstCue(early.get(), engine.sampleRate())) {
        early.get().playFirstCue(firstCue(routine, settings, engine, prerollSamples));
      }
      prepared = new SessionPreparer(engine).prepare(routine, settings);
    }
    TimelineAudio audio = prepared.audio();
    Optional<Takeover> takeover = early.flatMap(e -> Takeover.from(e, audio, prerollSamples));
    Supplier<AudioSink> device;
    if (request.noSound() != null) {
      device =
          () -> {
            throw new AudioFailure(request.noSound(), null);
          };
    } else if (takeover.isPresent()) {
      device = takeover.get()::sink; // the line the launch thread opened, still playing
    } else {
      int rate = audio.sampleRate();
      device = () -> LineAudioSink.open(rate, LineAudioSink.DEFAULT_BUFFER);
    }
    LiveSession session = LiveSession.start(prepared, device, request.noSound() != null, wiring);
    takeover.ifPresent(t -> session.continueAfter(t.headstart()));
    return session;
  }

  /** The engine for these settings: the one the launch thread is warming up, if it matches. */
  private static CachingSpeechEngine openEngine(
      SessionSettings settings, Optional<EarlyAudio> early) {
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

  private static boolean waitingForFirstCue(EarlyAudio early, int rate) {
    try {
      return early.waitingForFirstCue(rate);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The first cue's sound, made before the rest (cold start): the intro is said first and starts at
   * 0 whatever the other cues last, so a sketch plan with placeholder lengths names it exactly.
   */
  private static LaunchHint firstCue(
      Routine routine, SessionSettings settings, SpeechEngine engine, int preroll) {
    Timeline sketch =
        new TimelinePlanner(text -> Duration.ofSeconds(1)).plan(routine, settings.plan());
    Pcm pcm =
        new Volume(settings.volumePercent()).apply(engine.synthesize(sketch.cues().get(0).text()));
    return new LaunchHint(pcm.sampleRate(), preroll, pcm.length(), pcm.samples());
  }
}
