package dev.calmcue.session;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.TimelineLayer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The writing side of the player: the timeline's read position, the clips queued ahead of it, and
 * the chunk by chunk writing of all that to the line, with what it takes to cut short (drop the
 * unheard output, rewind to what was heard), to lose the device (text mode from the same place) and
 * to make up for underruns. Writer thread only.
 *
 * <p>A sound mixed in live on the output (an acknowledgement chime) is an {@link OutputMixer}:
 * {@link #writeChunk()} runs the mixers between filling {@code buf} and writing it, keyed on the
 * output sample {@code ledger.written()}.
 */
final class Feed {
  private final TimelineAudio audio;
  private final StepMap steps;
  private final Transport transport;
  private final DeviceOutput output;
  private final OutputLedger ledger;
  private final HeardEvents heard;
  private final CueSchedule schedule;
  private final Hearing hearing;
  private final UnderrunGuard underruns;
  private final OutputMixers mixers;
  private final StallWatch stalls;
  private final MonotonicClock clock;
  private final Consumer<SessionEvent> emit;
  private final int chunk;
  private final short[] buf;
  private final Deque<Clip> clips = new ArrayDeque<>();
  private final Mute mute = new Mute();
  private TimelineLayer under = TimelineLayer.NONE;

  /** The next timeline sample to write. */
  private long tpos;

  Feed(
      TimelineAudio audio,
      StepMap steps,
      Transport transport,
      DeviceOutput output,
      OutputLedger ledger,
      HeardEvents heard,
      Hearing hearing,
      OutputMixers mixers,
      MonotonicClock clock,
      Consumer<SessionEvent> emit,
      int chunk) {
    this.audio = audio;
    this.steps = steps;
    this.transport = transport;
    this.output = output;
    this.ledger = ledger;
    this.heard = heard;
    this.hearing = hearing;
    this.mixers = mixers;
    this.clock = clock;
    this.emit = emit;
    this.chunk = chunk;
    this.buf = new short[chunk];
    this.schedule = new CueSchedule(audio, steps, heard);
    this.underruns = new UnderrunGuard(audio.sampleRate());
    this.stalls = new StallWatch(audio.sampleRate());
  }

  /**
   * Lays {@code layer} under the timeline while the session plays on (not in its stopped closing).
   */
  void layUnder(TimelineLayer layer) {
    under = layer;
  }

  /** The next timeline sample to write. */
  long readPosition() {
    return tpos;
  }

  /** True when no clip waits to be played ahead of the timeline. */
  boolean noClips() {
    return clips.isEmpty();
  }

  /** Plays {@code clip} after those already queued; the timeline waits for it. */
  void queue(Clip clip) {
    clips.add(clip);
  }

  /** Stops what sounds: the unheard output is dropped and no clip is left queued. */
  void cutShort() {
    interrupt();
    clips.clear();
  }

  /** Goes on reading the timeline from sample {@code t}; a cue sounding there is muted. */
  void jumpTo(long t) {
    tpos = t;
    mute.soundingAt(audio, tpos);
  }

  /** Queues the current instruction (or the last prelude cue) again. */
  void sayAgain(boolean gateOpen) {
    Clip.sayAgain(audio, steps, tpos, gateOpen).ifPresent(clips::add);
  }

  /** Accounts for sound a launcher wrote, as if this player had written it. */
  void takeOver(Headstart h) {
    if (h.prerollSamples() > 0) {
      ledger.silence(0, (int) h.prerollSamples());
      ledger.confirm((int) h.prerollSamples());
    }
    while (tpos < h.timelineSamples()) {
      int n = (int) Math.min(chunk, h.timelineSamples() - tpos);
      schedule.timeline(tpos, n, ledger.written(), mute);
      ledger.timeline(tpos, n);
      ledger.confirm(n);
      tpos += n;
    }
    if (h.silenceAfter() > 0) {
      ledger.silence(tpos, (int) h.silenceAfter());
      ledger.confirm((int) h.silenceAfter());
    }
  }

  /**
   * Measures the clock against the output heard. After a stall nothing of the gap is made up: the
   * underrun guard starts over and text mode paces on from now.
   *
   * @return for how long the session stood still, in nanoseconds, if it stalled; 0 otherwise
   */
  long stalled() {
    long gap = stalls.check(ledger.written() - buffered(), clock.nanoTime());
    if (gap > 0) {
      underruns.restart(ledger.written());
      output.resync();
    }
    return gap;
  }

  void writeChunk() {
    if (underruns.debt() > 0 && clips.isEmpty() && repayDebt()) {
      return;
    }
    int n;
    long bedFrom = -1; // the timeline sample the bed goes on from in this chunk, if it sounds
    Clip clip = clips.peekFirst();
    if (clip != null) {
      if (clip.pos == 0) {
        schedule.clipStarts(clip, ledger.written());
      }
      n = Math.min(chunk, clip.samples.length - clip.pos);
      System.arraycopy(clip.samples, clip.pos, buf, 0, n);
      ledger.clip(tpos, clip, clip.pos, n);
      clip.pos += n;
      if (clip.done()) {
        clips.pollFirst();
      }
    } else if (transport.timelineRuns()) {
      n = (int) Math.min(chunk, transport.readLimit() - tpos);
      audio.fill(tpos, buf, 0, n);
      mute.apply(buf, tpos, n);
      if (transport.ending() == null) {
        bedFrom = tpos; // a stop or fussy ends the bed at once, the closing is bare
      }
      schedule.timeline(tpos, n, ledger.written(), mute);
      ledger.timeline(tpos, n);
      tpos += n;
    } else {
      n = chunk;
      Arrays.fill(buf, 0, n, (short) 0);
      ledger.silence(tpos, n);
    }
    if (!mixers.isEmpty() && !output.inTextMode()) {
      mixers.mix(ledger.written(), buf, n, buffered(), clock.nanoTime());
    }
    if (bedFrom >= 0) {
      // after the mixers: the echo gate's tap hears only what calmcue says, not the bed under it,
      // which the microphone has to live with like the parent's own singing
      under.addTo(bedFrom, buf, 0, n);
    }
    try {
      output.write(buf, n);
      ledger.confirm(n);
    } catch (AudioFailure e) {
      deviceLost(e.getMessage());
      return;
    }
    if (!output.inTextMode() && underruns.watching(ledger.written())) {
      underruns.watch(ledger.written(), ledger.written() - buffered(), clock.nanoTime());
    }
  }

  /**
   * Leaves out up to the underrun debt in samples of silence here, if this is silence: a pause, the
   * wait for "Ready?", or a quiet stretch of the timeline before its next cue or step boundary.
   *
   * @return true if samples were left out instead of writing a chunk
   */
  private boolean repayDebt() {
    long debt = underruns.debt();
    long skip;
    if (transport.holdsSilence()) {
      skip = Math.min(debt, chunk);
    } else if (transport.timelineRuns()) {
      skip = Math.min(debt, schedule.quietAhead(tpos, transport.readLimit(), mute));
      if (skip <= 0) {
        return false;
      }
      tpos += skip;
      ledger.skipped(skip);
    } else {
      return false;
    }
    underruns.repaid(skip);
    return true;
  }

  /** Drops the unheard part of the line's buffer and rewinds the session to what was heard. */
  private void interrupt() {
    long buffered = buffered();
    if (buffered > 0) {
      try {
        output.discardBuffered();
      } catch (AudioFailure e) {
        deviceLost(e.getMessage());
        return;
      }
    }
    rewindTo(ledger.written() - buffered);
    if (buffered > 0) {
      underruns.restart(ledger.written());
      stalls.restart(ledger.written(), output.speed());
    }
    mute.soundingAt(audio, tpos);
    hearing.silenced();
  }

  private void rewindTo(long h) {
    tpos = ledger.rewindTo(h, tpos, clips);
    heard.forgetFrom(h);
  }

  private void deviceLost(String reason) {
    long unheard = output.lost();
    rewindTo(ledger.written() - unheard);
    enterTextMode(reason);
  }

  void enterTextMode(String reason) {
    output.toTextMode(reason);
    stalls.restart(ledger.written(), output.speed());
    clips.removeIf(c -> !c.played && c.cue == null); // no preroll without a device
    emit.accept(new SessionEvent.TextMode(reason));
  }

  long buffered() {
    return output.buffered(ledger.written());
  }
}
