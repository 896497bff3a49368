package dev.calmcue.session;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import java.util.function.Supplier;

/**
 * The sound device the player writes to, or, once it could not be opened or went away, text mode: a
 * sink paced by the clock, so the session carries on from the same place at the same speed. Writer
 * thread only, apart from {@link #textMode()}.
 */
final class DeviceOutput {
  private final MonotonicClock clock;
  private final int rate;
  private final double textSpeed;
  private AudioSink sink;
  private volatile String textMode;

  DeviceOutput(MonotonicClock clock, int rate, double textSpeed) {
    this.clock = clock;
    this.rate = rate;
    this.textSpeed = textSpeed;
  }

  /**
   * Opens the device.
   *
   * @throws AudioFailure if it cannot be opened or plays at another rate (it is closed again)
   */
  void open(Supplier<AudioSink> device) {
    sink = device.get();
    if (sink.sampleRate() != rate) {
      closeQuietly();
      throw new AudioFailure("the device plays at " + sink.sampleRate() + " Hz, not " + rate, null);
    }
  }

  /** Goes on without sound, paced by the clock. */
  void toTextMode(String reason) {
    sink = new ClockPacedSink(clock, rate, textSpeed);
    textMode = reason;
  }

  /**
   * After a stall: text mode paces on from now instead of catching up in a burst, as a sound card
   * that ran dry starts again from now.
   */
  void resync() {
    if (inTextMode()) {
      sink = new ClockPacedSink(clock, rate, textSpeed);
    }
  }

  /** How many times faster than real time the output plays (text mode may run faster). */
  double speed() {
    return inTextMode() ? textSpeed : 1;
  }

  /** Why there is no sound, or null while there is. */
  String textMode() {
    return textMode;
  }

  boolean inTextMode() {
    return textMode != null;
  }

  /**
   * @throws AudioFailure if the device went away
   */
  void write(short[] samples, int n) {
    sink.write(samples, 0, n);
  }

  /**
   * @throws AudioFailure if the device went away
   */
  void discardBuffered() {
    sink.discardBuffered();
  }

  /** Samples written and not yet heard, at most {@code written}; 0 if the device cannot say. */
  long buffered(long written) {
    try {
      return Math.min(sink.bufferedSamples(), written);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * The device went away: closes it and says how much of what was written was never heard (all of
   * the buffer, when it cannot even say that).
   */
  long lost() {
    long buffered = 0;
    try {
      buffered = sink.bufferedSamples();
    } catch (RuntimeException e) {
      // the device is gone; assume nothing more of the buffer was heard
    }
    closeQuietly();
    return buffered;
  }

  /** Waits for the last written samples to be heard; a device gone by now has nothing to save. */
  void drainQuietly() {
    try {
      sink.drain();
    } catch (RuntimeException e) {
      // the device went away during the last few milliseconds: nothing left to save
    }
  }

  void closeQuietly() {
    if (sink == null) {
      return;
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      // closing a device that already failed; nothing more to do
    }
  }
}
