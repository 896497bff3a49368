package dev.calmcue.remote;

import dev.calmcue.CalmcueException;
import dev.calmcue.history.HistoryRecord;
import dev.calmcue.history.RecordedSettings;
import dev.calmcue.history.SessionStart;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.session.Command;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A session host on a virtual clock: no sound, no threads. Steps last {@link #STEP} each; the test
 * moves time with {@link #advance(Duration)} and the host reports the same events the player would.
 */
public final class FakeSessionHost implements SessionHost {
  public static final Duration STEP = Duration.ofSeconds(10);
  public static final List<String> TITLES = List.of("Warm hands", "Long strokes", "Gentle circles");

  private final SessionStateTracker tracker = new SessionStateTracker();
  private final List<HistoryRecord> history = new ArrayList<>();
  public final List<Command> received = new ArrayList<>();
  public final List<String> announced = new ArrayList<>();
  public final List<StartRequest> starts = new ArrayList<>();

  private static final RecordedSettings SETTINGS =
      new RecordedSettings(OptionalDouble.empty(), 0, 80, false, true, "freetts", true, true);

  private boolean running;
  public int shutdowns;
  private boolean paused;
  private boolean waitingForReady;
  private int step;
  private int completed;
  private Duration elapsed = Duration.ZERO;
  private Duration stepElapsed = Duration.ZERO;
  private String routineId;

  @Override
  public List<RoutineSummary> routines() {
    return List.of(
        new RoutineSummary(
            "back-massage", "Back massage", new MinutesRange(5, 12), 3, Duration.ofSeconds(390)),
        new RoutineSummary(
            "tiny-test", "Tiny test", new MinutesRange(1, 2), 3, Duration.ofSeconds(90)));
  }

  @Override
  public synchronized SessionState start(StartRequest request) {
    if (running) {
      throw new SessionBusyException(
          "a session is already running (" + routineId + "); stop it first");
    }
    RoutineSummary routine =
        routines().stream()
            .filter(r -> r.id().equals(request.routineId()))
            .findFirst()
            .orElseThrow(
                () -> CalmcueException.input("unknown routine '" + request.routineId() + "'"));
    if (request.minutes().isPresent()
        && !routine.minutes().contains(request.minutes().getAsDouble())) {
      throw CalmcueException.input("'" + routine.id() + "' is for " + routine.minutes());
    }
    starts.add(request);
    running = true;
    paused = false;
    step = 0;
    completed = 0;
    elapsed = Duration.ZERO;
    stepElapsed = Duration.ZERO;
    routineId = routine.id();
    tracker.started(routine.id(), routine.title(), TITLES.size());
    tracker.accept(new SessionEvent.TextMode("fake host: no sound"));
    if (request.preparation()) {
      waitingForReady = true;
      tracker.accept(new SessionEvent.CueStarted(cue(CueKind.READY, null, "Ready?")));
      tracker.accept(new SessionEvent.WaitingForReady(Duration.ofMinutes(2)));
    } else {
      beginStep();
    }
    return tracker.state();
  }

  /** A command said to the microphone: as {@link #send}, and the state says it came from voice. */
  public synchronized boolean say(Command command) {
    if (running) {
      tracker.taken(
          new dev.calmcue.session.TakenCommand(
              command, dev.calmcue.session.ControlSource.VOICE, received.size() + 1));
    }
    return send(command);
  }

  @Override
  public synchronized boolean send(Command command) {
    if (!running) {
      return false;
    }
    received.add(command);
    if (command == Command.PAUSE) {
      setPaused(true);
    } else if (command == Command.RESUME) {
      setPaused(false);
    } else if (command == Command.TOGGLE_PAUSE) {
      setPaused(!paused);
    } else if (command == Command.NEXT) {
      nextStep(false);
    } else if (command == Command.REPEAT) {
      stepElapsed = Duration.ZERO;
      beginStep();
    } else if (command == Command.READY && waitingForReady) {
      waitingForReady = false;
      beginStep();
    } else if (command == Command.STOP) {
      end(SessionOutcome.Ending.STOPPED, "stopped from the phone");
    } else if (command == Command.FUSSY) {
      end(SessionOutcome.Ending.FUSSY, "fussy");
    }
    return true;
  }

  /**
   * Moves the virtual clock in whole seconds, reporting progress each second as the player does.
   */
  public synchronized void advance(Duration by) {
    for (long s = 0; s < by.toSeconds() && running; s++) {
      if (paused || waitingForReady) {
        continue;
      }
      elapsed = elapsed.plusSeconds(1);
      stepElapsed = stepElapsed.plusSeconds(1);
      tracker.accept(
          new SessionEvent.Progress(
              elapsed, STEP.multipliedBy(TITLES.size()), step, stepElapsed, STEP, false));
      if (stepElapsed.compareTo(STEP) >= 0) {
        nextStep(true);
      }
    }
  }

  @Override
  public SessionState state() {
    return tracker.state();
  }

  @Override
  public Subscription subscribe(Consumer<SessionUpdate> listener) {
    return tracker.subscribe(listener);
  }

  @Override
  public synchronized List<HistoryRecord> history(int limit) {
    return List.copyOf(history.subList(0, Math.min(limit, history.size())));
  }

  @Override
  public synchronized void announce(String text) {
    announced.add(text);
  }

  @Override
  public synchronized void shutdown(Duration wait) {
    shutdowns++;
    if (running) {
      end(SessionOutcome.Ending.STOPPED, "calmcue serve was stopped");
    }
  }

  private void setPaused(boolean p) {
    if (paused != p) {
      paused = p;
      tracker.accept(new SessionEvent.PauseChanged(p));
      if (!p) {
        beginStep(); // resume repeats the current instruction, like the player
      }
    }
  }

  private void nextStep(boolean finishedThisOne) {
    if (finishedThisOne) {
      completed++;
    }
    if (step + 1 >= TITLES.size()) {
      end(SessionOutcome.Ending.COMPLETED, "all steps done");
      return;
    }
    step++;
    stepElapsed = Duration.ZERO;
    beginStep();
  }

  private void beginStep() {
    String id = "step-" + (step + 1);
    tracker.accept(new SessionEvent.StepStarted(step, TITLES.size(), id, TITLES.get(step)));
    tracker.accept(
        new SessionEvent.CueStarted(
            cue(CueKind.INSTRUCTION, id, TITLES.get(step) + ": slow, calm movements.")));
  }

  private void end(SessionOutcome.Ending ending, String detail) {
    tracker.accept(new SessionEvent.CueStarted(cue(CueKind.CLOSING, null, "All done. Well done.")));
    running = false;
    SessionOutcome outcome = new SessionOutcome(ending, detail, completed, elapsed);
    OffsetDateTime start = OffsetDateTime.parse("2026-11-25T19:30:00Z");
    SessionStart begun =
        new SessionStart(
            "fake-" + history.size(),
            routineId,
            routineId,
            start,
            STEP.multipliedBy(TITLES.size()),
            TITLES.size(),
            SETTINGS);
    HistoryRecord.Finish finish =
        new HistoryRecord.Finish(
            start.plus(elapsed), Duration.ofSeconds(elapsed.toSeconds()), completed);
    history.add(0, HistoryRecord.finished(begun, ending, detail, finish));
    tracker.accept(new SessionEvent.Ended(outcome));
  }

  private Cue cue(CueKind kind, String stepId, String text) {
    return new Cue(elapsed, elapsed.plusSeconds(2), kind, stepId, text);
  }
}
