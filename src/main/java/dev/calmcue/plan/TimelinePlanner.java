package dev.calmcue.plan;

import dev.calmcue.CalmcueException;
import dev.calmcue.routine.Prompt;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Turns a routine and options into a timeline of cues. Pure: no clock, no audio, no printing; the
 * only outside knowledge is how long each text takes to say.
 *
 * <p>Rules: each step's instruction starts exactly at the step's start; steps follow each other
 * with no gap; the closing follows the last step. No two cues overlap (and a short breath is kept
 * between them). When two would clash the more important one stays (instruction > next > chime >
 * halfway > prompt) and the other moves inside its window or is dropped and reported.
 */
public final class TimelinePlanner {
  /** Silence kept between two cues so speech never runs together. */
  public static final Duration BREATH = Duration.ofMillis(400);

  /** Pause after each prelude item, so the parent can check it. */
  static final Duration PRELUDE_PAUSE = Duration.ofMillis(1500);

  /** How long the chime between steps lasts: the planner reserves it, audio.Chime makes it. */
  public static final Duration CHIME_LENGTH = Duration.ofMillis(900);

  static final Duration HALFWAY_WINDOW = Duration.ofSeconds(20);
  static final Duration MIN_SESSION_FOR_HALFWAY = Duration.ofMinutes(2);

  /**
   * Halfway through the steps: a check on the baby, not a push to go on (the seed: if it cries,
   * stop).
   */
  public static final String HALFWAY_TEXT =
      "How is your baby? If your baby is crying or tired of lying on the tummy, stop and cuddle.";

  static final String DEFAULT_CLOSING = "That is the end of the massage. Well done.";
  static final String REST_TEXT = "Now let your baby have a good rest.";

  /** At bedtime, with the mainstream safe-sleep advice: babies sleep on their backs. */
  static final String BEDTIME_REST_TEXT =
      "Let your baby rest, warm and quiet. If your baby falls asleep, lay your baby on the back."
          + " Good night.";

  private final CueDurations durations;

  public TimelinePlanner(CueDurations durations) {
    this.durations = Objects.requireNonNull(durations);
  }

  /**
   * Plans a session.
   *
   * @throws CalmcueException (input) if {@code minutes} lies outside the routine's range, or a step
   *     is too short to say its own instruction
   */
  public Timeline plan(Routine routine, PlanOptions options) {
    return plan(routine, options, work -> {});
  }

  /** As {@link #plan(Routine, PlanOptions)}; tells how much placing work it took (for tests). */
  Timeline plan(Routine routine, PlanOptions options, LongConsumer placementWork) {
    Duration stepsLength = stepsLength(routine, options);
    List<Cue> fixed = new ArrayList<>();
    Duration t = Duration.ZERO;

    // Prelude: welcome and how to stop, then (optionally) the safety notes, the checklist and the
    // ready question. The checklist comes last and ends by laying the baby down, so the baby lies
    // on
    // the tummy only from just before "Ready?".
    String stop = SpokenControls.stop(options.controls());
    String welcome = "Time for the " + titleInSentence(routine.title()) + ".";
    if (options.speakPreparation()) {
      t = sayInOrder(fixed, t, CueKind.INTRO, join("Welcome.", welcome, stop));
      for (String note : routine.safety()) {
        t = sayInOrder(fixed, t, CueKind.SAFETY, sentence(note));
      }
      for (String item : routine.preparation()) {
        t = sayInOrder(fixed, t, CueKind.PREPARATION, sentence(item));
      }
      t = sayInOrder(fixed, t, CueKind.READY, SpokenControls.ready(options.controls()));
    } else {
      t = sayInOrder(fixed, t, CueKind.INTRO, join(welcome, stop, "Here is the first step."));
    }
    Duration stepsStart = roundToMillis(t.minus(PRELUDE_PAUSE).plus(Duration.ofSeconds(1)));

    List<StepSpan> spans = stepSpans(routine, stepsStart, stepsLength);
    for (int i = 0; i < spans.size(); i++) {
      StepSpan span = spans.get(i);
      Step step = routine.steps().get(i);
      Cue instruction = cueAt(span.start(), CueKind.INSTRUCTION, step.id(), step.say());
      if (instruction.end().compareTo(span.end()) > 0) {
        throw CalmcueException.input(
            String.format(
                Locale.ROOT,
                "step '%s' lasts %.1f s%s but its instruction takes %.1f s to say; give it more"
                    + " time%s",
                step.id(),
                seconds(span.length()),
                options.minutes().isPresent()
                    ? " at --minutes " + fmt(options.minutes().getAsDouble())
                    : "",
                seconds(instruction.length()),
                options.minutes().isPresent() ? " (a larger --minutes)" : " or a shorter 'say'"));
      }
      fixed.add(instruction);
    }
    Duration stepsEnd = stepsStart.plus(stepsLength);
    Duration closingAt = stepsEnd;
    String closing = routine.closing() == null ? DEFAULT_CLOSING : routine.closing();
    Cue closingCue = cueAt(closingAt, CueKind.CLOSING, null, closing);
    fixed.add(closingCue);
    Cue rest =
        cueAt(
            roundToMillis(closingCue.end().plus(Duration.ofSeconds(1))),
            CueKind.CLOSING,
            null,
            options.bedtime() ? BEDTIME_REST_TEXT : REST_TEXT);
    fixed.add(rest);

    Placement placement = new Placement(fixed);
    placeFlexible(routine, options, spans, stepsStart, stepsEnd, placement);
    placementWork.accept(placement.work());

    List<Cue> cues = placement.cues();
    cues.sort(Comparator.comparing(Cue::at));
    List<DroppedCue> dropped = placement.dropped();
    dropped.sort(Comparator.comparing(DroppedCue::at));
    return new Timeline(
        routine.id(), routine.title(), cues, dropped, spans, stepsStart, rest.end());
  }

  private void placeFlexible(
      Routine routine,
      PlanOptions options,
      List<StepSpan> spans,
      Duration stepsStart,
      Duration stepsEnd,
      Placement placement) {
    boolean chimes = options.chimes() && !options.bedtime();
    // Next + chime, for every step change, placed as late as they fit before the change.
    for (int i = 0; i + 1 < spans.size(); i++) {
      StepSpan span = spans.get(i);
      StepSpan following = spans.get(i + 1);
      Duration boundary = span.end();
      Duration chimeRoom = chimes ? CHIME_LENGTH.plus(BREATH) : Duration.ZERO;
      String nextText = "Next: " + sentence(following.title());
      Duration nextLength = durations.spokenLength(nextText);
      Duration nextAt = floorToMillis(boundary.minus(BREATH).minus(chimeRoom).minus(nextLength));
      placement.place(
          new Wish(
              CueKind.NEXT,
              span.id(),
              nextText,
              nextAt,
              nextLength,
              span.start(),
              boundary.minus(chimeRoom)));
      if (chimes) {
        Duration chimeAt = boundary.minus(BREATH).minus(CHIME_LENGTH);
        placement.place(
            new Wish(
                CueKind.CHIME,
                span.id(),
                "soft chime",
                chimeAt,
                CHIME_LENGTH,
                boundary.minus(Duration.ofSeconds(3)),
                boundary));
      }
    }
    // Halfway through the steps, in longer sessions.
    Duration stepsLength = stepsEnd.minus(stepsStart);
    if (stepsLength.compareTo(MIN_SESSION_FOR_HALFWAY) >= 0) {
      Duration mid = roundToMillis(stepsStart.plus(stepsLength.dividedBy(2)));
      StepSpan midStep = spanAt(spans, mid);
      Duration len = durations.spokenLength(HALFWAY_TEXT);
      placement.place(
          new Wish(
              CueKind.HALFWAY,
              midStep.id(),
              HALFWAY_TEXT,
              mid,
              len,
              max(stepsStart, mid.minus(HALFWAY_WINDOW)),
              min(stepsEnd, mid.plus(HALFWAY_WINDOW))));
    }
    // Prompts, in time order so earlier prompts keep their place.
    List<Wish> prompts = new ArrayList<>();
    double scale = scale(routine, stepsLength);
    for (int i = 0; i < spans.size(); i++) {
      StepSpan span = spans.get(i);
      for (Prompt p : routine.steps().get(i).prompts()) {
        if (options.prompts() == PromptAmount.FEW && !p.safety()) {
          continue; // chatter: silence leaves the parent room to talk and sing
        }
        Duration len = durations.spokenLength(p.say());
        if (p instanceof Prompt.At at) {
          Duration want =
              roundToMillis(span.start().plus(Duration.ofNanos(Math.round(at.at() * scale * 1e9))));
          prompts.add(
              new Wish(CueKind.PROMPT, span.id(), p.say(), want, len, span.start(), span.end()));
        } else if (p instanceof Prompt.Every every) {
          Duration period = Duration.ofSeconds(every.every());
          Duration half = period.dividedBy(2);
          for (Duration want = span.start().plus(period);
              want.compareTo(span.end()) < 0;
              want = want.plus(period)) {
            prompts.add(
                new Wish(
                    CueKind.PROMPT,
                    span.id(),
                    p.say(),
                    want,
                    len,
                    max(span.start(), want.minus(half)),
                    min(span.end(), want.plus(half))));
          }
        }
      }
    }
    prompts.sort(Comparator.comparing(Wish::at));
    prompts.forEach(placement::place);
  }

  private Duration sayInOrder(List<Cue> out, Duration at, CueKind kind, String text) {
    Cue cue = cueAt(at, kind, null, text);
    out.add(cue);
    return roundToMillis(cue.end().plus(PRELUDE_PAUSE));
  }

  private Cue cueAt(Duration at, CueKind kind, String stepId, String text) {
    return new Cue(at, at.plus(durations.spokenLength(text)), kind, stepId, text);
  }

  private static Duration stepsLength(Routine routine, PlanOptions options) {
    Duration written = routine.writtenLength();
    if (options.minutes().isEmpty()) {
      return written;
    }
    double m = options.minutes().getAsDouble();
    if (!routine.minutes().contains(m)) {
      throw CalmcueException.input(
          String.format(
              Locale.ROOT,
              "--minutes %s is outside the range of '%s': choose %d to %d minutes",
              fmt(m),
              routine.id(),
              routine.minutes().min(),
              routine.minutes().max()));
    }
    return roundToMillis(Duration.ofNanos(Math.round(m * 60e9)));
  }

  private static double scale(Routine routine, Duration stepsLength) {
    return (double) stepsLength.toNanos() / routine.writtenLength().toNanos();
  }

  /**
   * Step spans back to back; boundaries come from the scaled running total so rounding never
   * drifts.
   */
  private static List<StepSpan> stepSpans(Routine routine, Duration start, Duration stepsLength) {
    double scale = scale(routine, stepsLength);
    List<StepSpan> spans = new ArrayList<>();
    long writtenSoFar = 0;
    Duration from = start;
    List<Step> steps = routine.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      writtenSoFar += s.seconds();
      Duration to =
          i == steps.size() - 1
              ? start.plus(stepsLength)
              : roundToMillis(start.plus(Duration.ofNanos(Math.round(writtenSoFar * scale * 1e9))));
      spans.add(new StepSpan(i, s.id(), s.title(), from, to));
      from = to;
    }
    return spans;
  }

  private static StepSpan spanAt(List<StepSpan> spans, Duration t) {
    for (StepSpan s : spans) {
      if (t.compareTo(s.end()) < 0) {
        return s;
      }
    }
    return spans.get(spans.size() - 1);
  }

  /** The non-empty parts, one space apart. */
  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (!p.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(p);
      }
    }
    return b.toString();
  }

  /**
   * A title as it reads inside a sentence: "Back massage" becomes "back massage", but an acronym or
   * name ("DIY", "McKenzie") keeps its capitals. Trailing punctuation goes.
   */
  static String titleInSentence(String title) {
    String s = title.strip().replaceAll("[.!?]+$", "");
    boolean plainWord =
        s.length() > 1
            && Character.isUpperCase(s.charAt(0))
            && Character.isLowerCase(s.charAt(1))
            && s.chars().skip(1).takeWhile(c -> c != ' ').allMatch(Character::isLowerCase);
    return plainWord ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
  }

  /** Makes a title or note end like a sentence, so TTS gives it a falling tone and a pause. */
  static String sentence(String text) {
    String s = text.strip();
    char last = s.charAt(s.length() - 1);
    return last == '.' || last == '!' || last == '?' ? s : s + ".";
  }

  static Duration floorToMillis(Duration d) {
    return Duration.ofMillis(Math.floorDiv(d.toNanos(), 1_000_000L));
  }

  static Duration roundToMillis(Duration d) {
    return Duration.ofMillis(Math.round(d.toNanos() / 1e6));
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static String fmt(double m) {
    return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
  }

  static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
