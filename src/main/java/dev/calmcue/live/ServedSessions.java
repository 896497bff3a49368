package dev.calmcue.live;

import dev.calmcue.CalmcueException;
import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.HistoryStore;
import dev.calmcue.plan.Control;
import dev.calmcue.remote.RoutineSummary;
import dev.calmcue.remote.SessionBroadcast;
import dev.calmcue.remote.SessionBusyException;
import dev.calmcue.remote.SessionHost;
import dev.calmcue.remote.SessionState;
import dev.calmcue.remote.SessionUpdate;
import dev.calmcue.remote.StartRequest;
import dev.calmcue.routine.CatalogEntry;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.session.MonotonicClock;
import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import dev.calmcue.speech.SpeechSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The real session host: plans, synthesizes and plays sessions exactly as {@code calmcue play} does
 * (same preparer, same player, same history), one at a time, on one background thread.
 */
public final class ServedSessions implements SessionHost {
  /**
   * What sessions need from the outside world; tests pass a tone engine, a stepped clock and a
   * temporary history file.
   *
   * @param speaker opens the sound device at a sample rate; throws {@link AudioFailure} when there
   *     is none (the session then runs in text mode)
   * @param textOnly never open the device: cues are shown, not spoken
   * @param notes one line each for things the person at the terminal should know (history write
   *     failures, no sound for the announcement)
   */
  public record Wiring(
      RoutineCatalog catalog,
      Function<SpeechSettings, ? extends SpeechEngine> engines,
      IntFunction<AudioSink> speaker,
      MonotonicClock clock,
      PlayerSettings player,
      HistoryStore history,
      boolean textOnly,
      Consumer<String> notes) {
    public Wiring {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(engines, "engines");
      Objects.requireNonNull(speaker, "speaker");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(player, "player");
      Objects.requireNonNull(history, "history");
      Objects.requireNonNull(notes, "notes");
    }
  }

  private final Wiring wiring;
  private final SessionBroadcast phone = new SessionBroadcast();

  /** One thread: sessions and announcements never talk over each other. */
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "calmcue-session");
            t.setDaemon(true);
            return t;
          });

  /** Commands and a stop that come before the player runs (its own lock, taken inside this). */
  private final StartingSession starting = new StartingSession();

  // Guarded by this.
  private LiveSession session;
  private Future<?> current;
  private boolean shuttingDown;

  /** A control this machine offers besides the phone (voice), named in each session's prelude. */
  private volatile Set<Control> localControls = Set.of();

  private volatile Consumer<LiveSession> sessionStarting = s -> {};

  public ServedSessions(Wiring wiring) {
    this.wiring = Objects.requireNonNull(wiring, "wiring");
  }

  /**
   * Every session from now on also offers {@code controls} (voice commands on this machine): its
   * spoken script names them next to the phone's. Empty again when they go away.
   */
  public void offerControls(Set<Control> controls) {
    localControls = Set.copyOf(controls);
  }

  /**
   * Calls {@code hook} with each session before it plays, on the session's thread (voice commands
   * mix their acknowledgement into it and watch its sound there).
   */
  public void onSessionStarting(Consumer<LiveSession> hook) {
    sessionStarting = Objects.requireNonNull(hook);
  }

  /**
   * The host {@code calmcue serve} runs: the same routines, speech, player and history as {@code
   * play}, on this machine's sound device.
   *
   * @param speed how much faster than real time text-mode sessions run (tests, demos)
   */
  public static ServedSessions onThisMachine(
      boolean textOnly, double speed, Consumer<String> notes) {
    return new ServedSessions(
        new Wiring(
            RoutineCatalog.standard(),
            SpeechEngines::open,
            rate -> LineAudioSink.open(rate, LineAudioSink.DEFAULT_BUFFER),
            MonotonicClock.system(),
            new PlayerSettings(
                PlayerSettings.DEFAULT_PREROLL, PlayerSettings.DEFAULT_READY_TIMEOUT, speed),
            new HistoryStore(HistoryLocation.historyFile(), java.time.Clock.systemDefaultZone()),
            textOnly,
            notes));
  }

  @Override
  public List<RoutineSummary> routines() {
    List<RoutineSummary> list = new ArrayList<>();
    for (CatalogEntry e : wiring.catalog().entries()) {
      if (!e.broken()) {
        list.add(new RoutineSummary(e.id(), e.title(), e.minutes(), e.stepCount(), e.length()));
      }
    }
    return list;
  }

  @Override
  public synchronized SessionState start(StartRequest request) {
    if (shuttingDown) {
      throw new SessionBusyException("calmcue is shutting down");
    }
    if (phone.state().running()) {
      throw new SessionBusyException(
          "a session is already running (" + phone.state().title() + "); stop it first");
    }
    // Only catalog ids: the phone must never name a file on this machine.
    CatalogEntry entry =
        wiring.catalog().entries().stream()
            .filter(e -> e.id().equals(request.routineId()))
            .findFirst()
            .orElseThrow(
                () -> CalmcueException.input("unknown routine '" + request.routineId() + "'"));
    if (entry.broken()) {
      throw CalmcueException.input(
          "routine '" + entry.id() + "' has a problem: " + entry.problem().render());
    }
    if (request.minutes().isPresent()
        && !entry.minutes().contains(request.minutes().getAsDouble())) {
      throw CalmcueException.input(
          "'"
              + entry.id()
              + "' is meant for "
              + entry.minutes()
              + ", not "
              + String.valueOf(request.minutes().getAsDouble()).replaceAll("\\.0$", "")
              + " minutes");
    }
    starting.reset();
    SessionState state = phone.started(entry.id(), entry.title(), entry.stepCount());
    current = worker.submit(() -> play(request));
    return state;
  }

  /** On the worker thread: prepare like play, then play to the end. */
  private void play(StartRequest request) {
    LiveSession session = null;
    AtomicBoolean ended = new AtomicBoolean();
    try {
      try {
        Routine routine = wiring.catalog().resolve(request.routineId());
        SessionSettings settings = settingsFor(request, localControls);
        PreparedSession prepared;
        try (SpeechEngine engine = wiring.engines().apply(settings.speech())) {
          prepared = new SessionPreparer(starting.abandonable(engine)).prepare(routine, settings);
        } catch (StartingSession.Abandoned e) {
          prepared = null;
        }
        synchronized (this) {
          Optional<SessionOutcome> abandoned = starting.abandoned();
          if (abandoned.isPresent()) {
            ended.set(true);
            phone.failed(abandoned.get());
            return;
          }
        }
        int rate = prepared.audio().sampleRate();
        session =
            LiveSession.start(
                prepared,
                () -> openSpeaker(rate),
                wiring.textOnly(),
                new LiveSession.Wiring(
                    wiring.clock(),
                    wiring.player(),
                    wiring.history(),
                    wiring.notes(),
                    e -> wiring.notes().accept("a session display failed: " + oneLine(e))));
        // History first (LiveSession's): when the phone hears "ended", it is already on record.
        LiveSession live = session;
        session.addListener(e -> phone.event(e, live.state()));
        session.addListener(
            e -> {
              if (e instanceof SessionEvent.Ended) {
                ended.set(true);
              }
            });
        sessionStarting.accept(session);
      } catch (RuntimeException e) {
        ended.set(true);
        phone.failed(new SessionOutcome(SessionOutcome.Ending.ERROR, oneLine(e), 0, Duration.ZERO));
        return;
      }
      synchronized (this) {
        this.session = session;
        starting.handOver(session);
        if (shuttingDown) {
          session.submit(Command.STOP, ControlSource.HOST);
        }
      }
      session.run();
    } finally {
      synchronized (this) {
        this.session = null;
      }
      if (session != null) {
        session.processEnding(); // does nothing when the end is already recorded
      }
      if (!ended.get()) {
        // Only a bug gets here (an Error escaped the player): never leave the phone on "playing".
        phone.failed(
            new SessionOutcome(SessionOutcome.Ending.ERROR, "internal error", 0, Duration.ZERO));
      }
    }
  }

  private AudioSink openSpeaker(int rate) {
    if (wiring.textOnly()) {
      throw new AudioFailure("serve --text was given", null);
    }
    return wiring.speaker().apply(rate);
  }

  /** From the phone. */
  @Override
  public boolean send(Command command) {
    return send(command, ControlSource.PHONE);
  }

  /** Passes a command to the running session from {@code source}; false when none is running. */
  public synchronized boolean send(Command command, ControlSource source) {
    if (!phone.state().running()) {
      return false;
    }
    if (session == null) {
      starting.hold(command, source);
    } else {
      session.submit(command, source);
    }
    return true;
  }

  @Override
  public SessionState state() {
    return phone.state();
  }

  @Override
  public Subscription subscribe(Consumer<SessionUpdate> listener) {
    return phone.subscribe(listener);
  }

  @Override
  public List<HistoryRecord> history(int limit) {
    List<HistoryRecord> sessions;
    try {
      sessions = wiring.history().read().sessions();
    } catch (IOException e) {
      throw CalmcueException.runtime("cannot read the history: " + e.getMessage(), e);
    }
    List<HistoryRecord> newestFirst = new ArrayList<>();
    for (int i = sessions.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      newestFirst.add(sessions.get(i));
    }
    return newestFirst;
  }

  @Override
  public void announce(String text) {
    worker.submit(() -> Announcer.speak(wiring, text));
  }

  @Override
  public void shutdown(Duration wait) {
    Future<?> running;
    synchronized (this) {
      shuttingDown = true;
      running = current;
      if (phone.state().running()) {
        if (session != null) {
          // the closing is spoken, the history says stopped
          session.submit(Command.STOP, ControlSource.HOST);
        } else {
          starting.abandonWith(Command.STOP, ControlSource.HOST);
        }
      }
    }
    if (running != null) {
      try {
        running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        synchronized (this) {
          if (session != null) {
            session.cancel("calmcue serve was stopped", ControlSource.HOST);
          }
        }
        try {
          running.get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // the process is ending; the history records it as ended by the process
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        wiring.notes().accept("the session failed while stopping: " + oneLine(e.getCause()));
      }
    }
    worker.shutdownNow();
  }

  /** The same settings {@code play} derives from its flags, for the phone's few choices. */
  static SessionSettings settingsFor(StartRequest r) {
    return settingsFor(r, Set.of());
  }

  /** ... with {@code local} controls offered besides the phone. */
  static SessionSettings settingsFor(StartRequest r, Set<Control> local) {
    Set<Control> controls = EnumSet.of(Control.PHONE); // the phone answers "Ready?" and stops
    controls.addAll(local);
    return SessionChoices.of(r.minutes(), r.preparation(), r.chimes(), r.bedtime(), r.prompts())
        .settings()
        .withMusic(r.music())
        .withControls(controls);
  }

  /** The first line of the message of {@code e}, for a note to the terminal or the phone. */
  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
