package dev.calmcue.remote;

import dev.calmcue.CalmcueException;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.routine.MinutesRange;
import dev.calmcue.session.Command;
import dev.calmcue.session.SessionEvent;
import dev.calmcue.session.SessionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A session host on a virtual clock: no sound, no threads. Steps last {@link #STEP} each; the test
 * moves time with {@link #advance(Duration)} and the host reports the same events the player would.
 */
public final class FakeSessionHost implements SessionHost {
  public static final Duration STEP = Duration.ofSeconds(10);
  public static final List<String> TITLES = List.of("Warm hands", "Long strokes", "Gentle circles");

  private final SessionStateTracker tracker = new SessionStateTracker();
  private final List<Map<String, Object>> history = new ArrayList<>();
  public final List<Command> received = new ArrayList<>();
  public final List<String> announced = new ArrayList<>();
  public final List<StartRequest> starts = new ArrayList<>();

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
        new RoutineSummary("back-massage", "Back massage", new MinutesRange(5, 12), 3,
            Duration.ofSeconds(390)),
        new RoutineSummary("tiny-test", "Tiny test", new MinutesRange(1, 2), 3,
            Duration.ofSeconds(90)));
  }

  @Override
  public synchronized SessionState start(StartRequest request) {
    if (running) {
      throw new SessionBusyException("a session is already running (" + routineId + "); stop it first");
    }
    RoutineSummary routine = routines().stream()
        .filter(r -> r.id().equals(request.routineId()))
        .findFirst()
        .orElseThrow(() -> CalmcueException.input("unknown routine '" + request.routineId() + "'"));
    if (request.minutes().isPresent() && !routine.minutes().contains(request.minutes().getAsDouble())) {
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

  @Override
  public synchronized boolean send(Command command) {
    if (!running) {
      return false;
    }
    received.add(command);
    if (command instanceof Command.Pause) {
      setPaused(true);
    } else if (command instanceof Command.Resume) {
      setPaused(false);
    } else if (command instanceof Command.TogglePause) {
      setPaused(!paused);
    } else if (command instanceof Command.Next) {
      nextStep(false);
    } else if (command instanceof Command.Repeat) {
      stepElapsed = Duration.ZERO;
      beginStep();
    } else if (command instanceof Command.Ready && waitingForReady) {
      waitingForReady = false;
      beginStep();
    } else if (command instanceof Command.Stop) {
      end(SessionOutcome.Ending.STOPPED, "stopped from the phone");
    } else if (command instanceof Command.Fussy) {
      end(SessionOutcome.Ending.FUSSY, "fussy");
    }
    return true;
  }

  /** Moves the virtual clock in whole seconds, reporting progress each second as the player does. */
  public synchronized void advance(Duration by) {
    for (long s = 0; s < by.toSeconds() && running; s++) {
      if (paused || waitingForReady) {
        continue;
      }
      elapsed = elapsed.plusSeconds(1);
      stepElapsed = stepElapsed.plusSeconds(1);
      tracker.accept(new SessionEvent.Progress(
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
  public synchronized List<?> history(int limit) {
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
    tracker.accept(new SessionEvent.CueStarted(
        cue(CueKind.INSTRUCTION, id, TITLES.get(step) + ": slow, calm movements.")));
  }

  private void end(SessionOutcome.Ending ending, String detail) {
    tracker.accept(new SessionEvent.CueStarted(cue(CueKind.CLOSING, null, "All done. Well done.")));
    running = false;
    SessionOutcome outcome = new SessionOutcome(ending, detail, completed, elapsed);
    Map<String, Object> entry = new LinkedHashMap<>();
    // The same field names as the real history (history.HistoryJson).
    entry.put("routineId", routineId);
    entry.put("ending", ending.jsonName());
    entry.put("stepsCompleted", completed);
    entry.put("stepCount", TITLES.size());
    entry.put("actualSeconds", elapsed.toSeconds());
    history.add(0, entry);
    tracker.accept(new SessionEvent.Ended(outcome));
  }

  private Cue cue(CueKind kind, String stepId, String text) {
    return new Cue(elapsed, elapsed.plusSeconds(2), kind, stepId, text);
  }
}
