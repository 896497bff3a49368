package dev.calmcue.session;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.MemorySink;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory sink that does things when the recording reaches a sample: submit a command (as a
 * parent would at that moment of the sound), or fail like a device that went away.
 */
final class ScriptedSink implements AudioSink {
  private final MemorySink memory;
  private final List<Action> actions = new ArrayList<>();
  private long failAt = Long.MAX_VALUE;
  private final long giveUpAt;

  ScriptedSink(int rate, long giveUpAt) {
    this.memory = new MemorySink(rate);
    this.giveUpAt = giveUpAt;
  }

  /** Runs {@code action} once, right after the recording reaches {@code sample}. */
  ScriptedSink at(long sample, Runnable action) {
    actions.add(new Action(sample, action));
    return this;
  }

  /** Writes from {@code sample} on throw {@link AudioFailure}. */
  ScriptedSink failAt(long sample) {
    failAt = sample;
    return this;
  }

  @Override
  public int sampleRate() {
    return memory.sampleRate();
  }

  @Override
  public void write(short[] samples, int offset, int length) {
    if (memory.length() + length > failAt) {
      throw new AudioFailure("test device unplugged", null);
    }
    if (memory.length() > giveUpAt) {
      throw new AssertionError("the session never ended (" + memory.length() + " samples written)");
    }
    memory.write(samples, offset, length);
    for (Action a : actions) {
      if (!a.done && memory.length() >= a.sample) {
        a.done = true;
        a.run.run();
      }
    }
  }

  long length() {
    return memory.length();
  }

  short[] samples() {
    return memory.samples();
  }

  boolean isClosed() {
    return memory.isClosed();
  }

  @Override
  public void close() {
    memory.close();
  }

  private static final class Action {
    final long sample;
    final Runnable run;
    boolean done;

    Action(long sample, Runnable run) {
      this.sample = sample;
      this.run = run;
    }
  }
}
