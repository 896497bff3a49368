package dev.calmcue.session;

/**
 * Sound already written to the sink before the player took it over: silence, the timeline's first
 * samples, then (if the launcher had to wait for the session) more silence, which moves every later
 * cue by its length exactly as a pause would.
 */
public record Headstart(long prerollSamples, long timelineSamples, long silenceAfter) {
  public Headstart {
    if (prerollSamples < 0
        || timelineSamples < 0
        || silenceAfter < 0
        || silenceAfter > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad headstart");
    }
  }
}
