package dev.calmcue.plan;

import static dev.calmcue.plan.TimelinePlanner.BREATH;
import static dev.calmcue.plan.TimelinePlanner.floorToMillis;
import static dev.calmcue.plan.TimelinePlanner.max;
import static dev.calmcue.plan.TimelinePlanner.roundToMillis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cues placed so far, indexed by start, so placing one looks only at its neighbours: planning
 * stays near-linear in the number of steps (a 7,200-step routine plans in well under a second).
 */
final class Placement {
  /** Edges within this of a window can still give a start inside it (whole-ms rounding). */
  private static final Duration MARGIN = Duration.ofMillis(2);

  private final List<Cue> placed = new ArrayList<>();
  private final TreeMap<Duration, List<Cue>> byStart = new TreeMap<>();
  private final Map<Cue, Integer> order = new IdentityHashMap<>();
  private final List<DroppedCue> dropped = new ArrayList<>();
  private Duration longest = Duration.ZERO;

  /** Cues and start candidates looked at: the work done, for tests of how planning scales. */
  private long work;

  Placement(List<Cue> fixed) {
    fixed.forEach(this::add);
  }

  List<Cue> cues() {
    return new ArrayList<>(placed);
  }

  List<DroppedCue> dropped() {
    return new ArrayList<>(dropped);
  }

  long work() {
    return work;
  }

  private void add(Cue c) {
    order.put(c, placed.size());
    placed.add(c);
    byStart.computeIfAbsent(c.at(), k -> new ArrayList<>(1)).add(c);
    longest = max(longest, c.end().minus(c.at()));
  }

  /** Placed cues whose breathing room reaches into [lo, hi] for a cue of this length. */
  private List<Cue> near(Duration lo, Duration hi, Duration length) {
    Duration from = lo.minus(MARGIN).minus(BREATH).minus(longest);
    Duration to = hi.plus(MARGIN).plus(BREATH).plus(length);
    List<Cue> near = new ArrayList<>();
    for (List<Cue> same : byStart.subMap(from, true, to, true).values()) {
      for (Cue c : same) {
        work++;
        if (c.end().plus(BREATH).compareTo(lo.minus(MARGIN)) > 0
            && c.at().minus(BREATH).minus(length).compareTo(hi.plus(MARGIN)) < 0) {
          near.add(c);
        }
      }
    }
    return near;
  }

  /**
   * Places the wish at the free start nearest its wanted time, keeping a breath from other cues.
   */
  void place(Wish w) {
    Duration lo = w.from();
    Duration hi = w.to().minus(w.length());
    if (hi.compareTo(lo) < 0) {
      drop(w, "longer than its window (" + window(w) + ")");
      return;
    }
    // Forbidden start intervals: (c.at - breath - len, c.end + breath) for every cue c near the
    // window; cues farther away cannot block a start inside it.
    List<Duration[]> blocked = new ArrayList<>();
    for (Cue c : near(lo, hi, w.length())) {
      blocked.add(new Duration[] {c.at().minus(BREATH).minus(w.length()), c.end().plus(BREATH)});
    }
    blocked.sort(Comparator.comparing(b -> b[0]));
    Blocked index = new Blocked(blocked);
    Duration want = clamp(roundToMillis(w.at()), lo, hi);
    Duration best = null;
    // Candidates: the wanted time, and the edges of every blocked interval, kept inside [lo, hi].
    List<Duration> candidates = new ArrayList<>();
    candidates.add(want);
    candidates.add(lo);
    candidates.add(hi);
    for (Duration[] b : blocked) {
      candidates.add(b[0]);
      candidates.add(b[1]);
    }
    for (Duration c : candidates) {
      // Cue times are whole milliseconds: try both neighbours of an edge.
      for (Duration start : List.of(floorToMillis(c), floorToMillis(c).plusMillis(1))) {
        work++;
        if (start.compareTo(lo) < 0 || start.compareTo(hi) > 0 || index.contains(start)) {
          continue;
        }
        if (best == null || distance(start, want).compareTo(distance(best, want)) < 0) {
          best = start;
        }
      }
    }
    if (best == null) {
      Cue clash = firstClash(want, w.length());
      drop(
          w,
          clash == null
              ? "no free room in " + window(w)
              : "would overlap the "
                  + clash.kind().jsonName()
                  + (clash.stepId() == null ? "" : " of step '" + clash.stepId() + "'")
                  + " and no free room in "
                  + window(w));
      return;
    }
    add(new Cue(best, best.plus(w.length()), w.kind(), w.stepId(), w.text()));
  }

  /**
   * Open intervals sorted by start, with the running maximum of their ends: whether a time lies in
   * any of them is one binary search.
   */
  private static final class Blocked {
    private final Duration[] starts;
    private final Duration[] maxEnd;

    Blocked(List<Duration[]> sortedByStart) {
      starts = new Duration[sortedByStart.size()];
      maxEnd = new Duration[sortedByStart.size()];
      Duration m = null;
      for (int i = 0; i < starts.length; i++) {
        starts[i] = sortedByStart.get(i)[0];
        Duration end = sortedByStart.get(i)[1];
        m = m == null || end.compareTo(m) > 0 ? end : m;
        maxEnd[i] = m;
      }
    }

    boolean contains(Duration t) {
      // the last interval starting strictly before t
      int lo = 0;
      int hi = starts.length - 1;
      int last = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid].compareTo(t) < 0) {
          last = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return last >= 0 && maxEnd[last].compareTo(t) > 0;
    }
  }

  private Cue firstClash(Duration at, Duration length) {
    Cue probe = new Cue(at, at.plus(length), CueKind.PROMPT, null, "");
    List<Cue> near = near(at, at, length);
    near.sort(Comparator.comparing(order::get)); // the first placed one is named
    for (Cue c : near) {
      Cue padded =
          new Cue(
              max(Duration.ZERO, c.at().minus(BREATH)), c.end().plus(BREATH), c.kind(), null, "");
      if (padded.overlaps(probe)) {
        return c;
      }
    }
    return null;
  }

  private void drop(Wish w, String reason) {
    dropped.add(new DroppedCue(roundToMillis(w.at()), w.kind(), w.stepId(), w.text(), reason));
  }

  private static String window(Wish w) {
    return String.format(
        Locale.ROOT, "its window %.1f-%.1f s", w.from().toMillis() / 1e3, w.to().toMillis() / 1e3);
  }

  private static Duration clamp(Duration d, Duration lo, Duration hi) {
    return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
  }

  private static Duration distance(Duration a, Duration b) {
    return a.minus(b).abs();
  }
}
