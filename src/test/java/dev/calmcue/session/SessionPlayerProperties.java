package dev.calmcue.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.session.SessionOutcome.Ending;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the parent presses, and whenever: nothing overlaps, nothing resumes midway, the session
 * ends.
 */
class SessionPlayerProperties {
  record Press(int atMs, Command command) {}

  @Property(tries = 150)
  void anyKeySequence_keepsTheSoundClean_andEnds(
      @ForAll("presses") List<Press> presses, @ForAll boolean prelude) {
    TestSession s = prelude ? TestSession.withPrelude() : TestSession.threeSteps();
    ScriptedSink sink = new ScriptedSink(TestSession.RATE, 400_000);
    SessionPlayer p = s.player(sink, new VirtualClock(), TestSession.settings(300));
    List<SessionEvent> events = new ArrayList<>();
    p.addListener(events::add);
    int last = 0;
    for (Press press : presses) {
      sink.at(press.atMs(), () -> p.submit(press.command(), ControlSource.KEYBOARD));
      last = Math.max(last, press.atMs());
    }
    sink.at(last + 1, () -> p.submit(Command.RESUME, ControlSource.KEYBOARD));
    sink.at(last + 1, () -> p.submit(Command.READY, ControlSource.KEYBOARD));
    SessionOutcome outcome = p.run();

    short[] rec = sink.samples();
    SessionPlayerTest.assertNoClipResumesMidway(s, rec);
    long heardOnsets = s.onsets(rec).size();
    long reported = events.stream().filter(e -> e instanceof SessionEvent.CueStarted).count();
    assertEquals(heardOnsets, reported, "every onset heard is reported once, and only those");
    assertTrue(outcome.stepsCompleted() <= s.timeline.steps().size());
    assertTrue(
        outcome.played().toMillis() <= rec.length, "played time is never more than the sound");
    assertTrue(events.get(events.size() - 1) instanceof SessionEvent.Ended);
    assertTrue(outcome.ending() != Ending.ERROR, outcome.detail());
    boolean fussy = presses.stream().anyMatch(x -> x.command() == Command.FUSSY);
    if (outcome.ending() == Ending.FUSSY) {
      assertTrue(fussy);
    }
  }

  @Provide
  Arbitrary<List<Press>> presses() {
    Arbitrary<Command> command =
        Arbitraries.of(
            Command.TOGGLE_PAUSE,
            Command.PAUSE,
            Command.RESUME,
            Command.NEXT,
            Command.REPEAT,
            Command.READY,
            Command.STOP,
            Command.FUSSY);
    Arbitrary<Press> press =
        Combinators.combine(Arbitraries.integers().between(0, 40_000), command).as(Press::new);
    return press.list().ofMaxSize(8);
  }
}
