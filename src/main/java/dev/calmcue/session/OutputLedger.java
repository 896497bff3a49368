package dev.calmcue.session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The output written to the line and not yet heard, stretch by stretch, with what each stretch came
 * from: so a command can drop the unheard part and rewind the session to exactly what was heard,
 * and so a heard output sample maps back to a timeline sample. Counts the samples written ({@link
 * #written()}, the output clock) and the time played. Writer thread only.
 */
final class OutputLedger {
  /** A stretch of output and what it came from, kept until it has been heard. */
  record Segment(
      long outStart,
      int length,
      long tStart,
      boolean timeline,
      boolean played,
      Clip clip,
      int clipPos) {
    long end() {
      return outStart + length;
    }
  }

  private final Deque<Segment> segments = new ArrayDeque<>();
  private long written;
  private long played;

  /** Samples written to the line so far (the output clock). */
  long written() {
    return written;
  }

  /** Stretches kept: written and not yet heard (bounded by the line's buffer, not the session). */
  int size() {
    return segments.size();
  }

  /** Samples of speech and timeline played so far (pauses and preroll excluded). */
  long played() {
    return played;
  }

  /** Notes {@code length} samples of the timeline from {@code t}, about to be written. */
  void timeline(long t, int length) {
    add(new Segment(written, length, t, true, true, null, 0));
  }

  /** Notes {@code length} samples of {@code clip} from its position {@code clipPos}. */
  void clip(long t, Clip clip, int clipPos, int length) {
    add(new Segment(written, length, t, false, clip.played, clip, clipPos));
  }

  /** Notes {@code length} samples of silence that hold the timeline at {@code t}. */
  void silence(long t, int length) {
    add(new Segment(written, length, t, false, false, null, 0));
  }

  private void add(Segment s) {
    segments.addLast(s);
    if (s.played()) {
      played += s.length();
    }
  }

  /**
   * The stretch noted last reached the line: the output clock moves on. A stretch the line refused
   * stays unconfirmed, and the rewind that follows forgets it.
   */
  void confirm(int length) {
    written += length;
  }

  /**
   * Samples skipped on the timeline without writing them (underrun make-up): they count as played.
   */
  void skipped(long samples) {
    played += samples;
  }

  /**
   * Forgets everything written from output sample {@code h} on, as if it had never been written:
   * clips cut short go back to the front of {@code clips} at the position reached.
   *
   * @param t the timeline read position now
   * @return the timeline read position that goes with output sample {@code h}
   */
  long rewindTo(long h, long t, Deque<Clip> clips) {
    while (!segments.isEmpty() && segments.peekLast().end() > h) {
      Segment s = segments.pollLast();
      long lost = s.end() - Math.max(h, s.outStart());
      if (s.played()) {
        played -= lost;
      }
      int kept = (int) Math.max(0, h - s.outStart());
      if (kept > 0) {
        segments.addLast(
            new Segment(
                s.outStart(), kept, s.tStart(), s.timeline(), s.played(), s.clip(), s.clipPos()));
      }
      t = s.timeline() ? s.tStart() + kept : s.tStart();
      if (s.clip() != null) {
        restore(clips, s.clip(), s.clipPos() + kept);
      }
    }
    written = Math.min(written, h);
    return t;
  }

  private static void restore(Deque<Clip> clips, Clip clip, int pos) {
    if (clips.peekFirst() != clip) {
      clips.remove(clip);
      clips.addFirst(clip);
    }
    clip.pos = pos;
  }

  /**
   * Forgets the stretches heard by output sample {@code heard} and says which timeline sample is
   * being heard then; {@code t} (the read position) when nothing unheard is left.
   */
  long heardAt(long heard, long t) {
    while (!segments.isEmpty() && segments.peekFirst().end() <= heard) {
      segments.pollFirst();
    }
    Segment s = segments.peekFirst();
    if (s == null) {
      return t;
    }
    return s.timeline() ? s.tStart() + Math.max(0, heard - s.outStart()) : s.tStart();
  }
}
