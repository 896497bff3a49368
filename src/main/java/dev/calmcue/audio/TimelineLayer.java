package dev.calmcue.audio;

/**
 * Sound laid under the spoken timeline (a music bed), added as the timeline is read: render adds it
 * to every chunk it writes, the live player only while the session plays on, so the bed stops at
 * once on pause, stop and fussy and goes on from the same timeline sample on resume.
 */
@FunctionalInterface
public interface TimelineLayer {
  /** No sound under the speech. */
  TimelineLayer NONE = (from, buf, off, len) -> {};

  /**
   * Adds this layer's timeline samples {@code [from, from+len)} to {@code buf[off, off+len)}.
   * Consecutive calls continue one another; a call at any other position is a jump (the layer may
   * fade in there rather than start mid-sound).
   */
  void addTo(long from, short[] buf, int off, int len);
}
