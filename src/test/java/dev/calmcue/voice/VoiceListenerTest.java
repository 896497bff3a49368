package dev.calmcue.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.session.VirtualClock;
import dev.calmcue.voice.LineCapture.CaptureUnavailable;
import dev.calmcue.voice.RecognizerLoader.RecognizerUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The listener's plumbing with a fake recognizer and a microphone paced by a virtual clock. */
class VoiceListenerTest {
  private static final int RATE = 16_000;
  private static final long MS = 1_000_000L;

  private final VirtualClock clock = new VirtualClock();
  private final List<String> events = new ArrayList<>();

  /** A recording whose reads advance the virtual clock by their length, like a real microphone. */
  private CaptureSource microphone(short[] pcm) {
    return new CaptureSource() {
      private int at;

      @Override
      public String describe() {
        return "fake microphone";
      }

      @Override
      public int read(short[] into, int offset, int length) {
        if (at >= pcm.length) {
          return -1;
        }
        int n = Math.min(length, pcm.length - at);
        System.arraycopy(pcm, at, into, offset, n);
        at += n;
        clock.advance(Duration.ofNanos(n * 1_000_000_000L / RATE));
        return n;
      }

      @Override
      public void close() {}
    };
  }

  /** Reads the whole stream, then reports {@code heard} as if it had decoded them. */
  private static UtteranceDecoder decoding(Hypothesis... heard) {
    return new UtteranceDecoder() {
      @Override
      public void decode(InputStream pcm, Consumer<Hypothesis> out) throws IOException {
        pcm.readAllBytes();
        for (Hypothesis h : heard) {
          out.accept(h);
        }
      }

      @Override
      public void close() {}
    };
  }

  private VoiceListener.Events recording() {
    return new VoiceListener.Events() {
      @Override
      public void command(SpokenCommand command, Hypothesis heard, Duration latency) {
        events.add(command + " " + heard.startMs() + "-" + heard.endMs());
      }

      @Override
      public void rejected(Hypothesis heard, CommandAcceptor.Verdict why) {
        events.add(why + " " + heard.text());
      }

      @Override
      public void unavailable(String why) {
        events.add("unavailable: " + why);
      }
    };
  }

  /** Quiet room noise with a "voice" (a loud tone) from {@code from} to {@code to} ms. */
  private static short[] room(int totalMs, int[]... voices) {
    short[] s = new short[totalMs * RATE / 1000];
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(r.nextGaussian() * 20);
    }
    for (int[] v : voices) {
      for (int i = v[0] * RATE / 1000; i < v[1] * RATE / 1000; i++) {
        s[i] += (short) (4000 * Math.sin(i * 0.2));
      }
    }
    return s;
  }

  @Test
  void aCommandHeardInTheQuietIsTakenWithTheTimesOfItsVoice() {
    short[] pcm = room(4000, new int[] {1500, 2600});
    new VoiceListener(
            ListenSettings.DEFAULT,
            () -> microphone(pcm),
            (g, d) -> decoding(new Hypothesis("calm cue pause", 50, 1000, 3200)),
            new EchoGate(Duration.ofMillis(100), Duration.ofMillis(300)),
            clock,
            recording())
        .runHere();
    assertEquals(List.of("PAUSE 1500-2600"), events);
  }

  /** "calm cue resume" aligned as the decoder aligned "Cuckoo!": the command word after it. */
  private static Hypothesis calmCueResume() {
    return new Hypothesis(
        "calm cue resume",
        50,
        1000,
        3200,
        List.of(
            new Hypothesis.Word("calm", 1500, 1790, 30),
            new Hypothesis.Word("cue", 1800, 2180, 30),
            // starts 10 ms before the voice ends: the block it starts in is loud
            new Hypothesis.Word("resume", 2190, 2450, -40)));
  }

  @Test
  void aCommandWordLaidOverTheQuietAfterTheWakePhraseWasNotSaid() {
    hear(room(4000, new int[] {1500, 2200}), calmCueResume());
    hear(room(4000, new int[] {1500, 2460}), calmCueResume());
    assertEquals(List.of("FAINT_WORD calm cue resume", "RESUME 1500-2460"), events);
  }

  /** Listens to {@code pcm} through a decoder that hears {@code heard} in it. */
  private void hear(short[] pcm, Hypothesis heard) {
    new VoiceListener(
            ListenSettings.DEFAULT,
            () -> microphone(pcm),
            (g, d) -> decoding(heard),
            new EchoGate(Duration.ofMillis(100), Duration.ofMillis(300)),
            clock,
            recording())
        .runHere();
  }

  @Test
  void whatTheMicrophoneHearsWhileTheCueSoundsIsNeverACommand() {
    EchoGate gate = new EchoGate(Duration.ofMillis(100), Duration.ofMillis(300));
    long t0 = clock.nanoTime();
    // the player says "calm cue, stop" from 1.0 s to 2.0 s on the virtual clock; the mic hears it
    gate.sounding(t0 + 1000 * MS, t0 + 2000 * MS);
    short[] pcm = room(6000, new int[] {1100, 2100}, new int[] {4000, 5000});
    new VoiceListener(
            ListenSettings.DEFAULT,
            () -> microphone(pcm),
            (g, d) ->
                decoding(
                    new Hypothesis("calm cue stop", 200, 900, 2400),
                    new Hypothesis("calm cue stop", 200, 3700, 5300)),
            gate,
            clock,
            recording())
        .runHere();
    // the first is calmcue's own voice (held back: the recognizer got room noise instead); the
    // second, the parent's, well after the echo tail
    assertEquals(List.of("ECHO calm cue stop", "STOP 4000-5000"), events);
  }

  @Test
  void aCommandStartingRightAfterTheCueIsTakenAsRunningOnFromIt() {
    EchoGate gate = new EchoGate(Duration.ZERO, Duration.ZERO);
    long t0 = clock.nanoTime();
    gate.sounding(t0, t0 + 1000 * MS);
    short[] pcm = room(3000, new int[] {1100, 2000});
    new VoiceListener(
            ListenSettings.DEFAULT,
            () -> microphone(pcm),
            (g, d) -> decoding(new Hypothesis("calm cue next", 80, 800, 2300)),
            gate,
            clock,
            recording())
        .runHere();
    assertEquals(List.of("ECHO calm cue next"), events);
  }

  @Test
  void noMicrophoneIsOneWarning() {
    new VoiceListener(
            ListenSettings.DEFAULT,
            () -> {
              throw new CaptureUnavailable("no microphone (line unavailable)");
            },
            (g, d) -> decoding(),
            new EchoGate(Duration.ZERO, Duration.ZERO),
            clock,
            recording())
        .runHere();
    assertEquals(List.of("unavailable: no microphone (line unavailable)"), events);
  }

  @Test
  void aModelThatDoesNotLoadIsOneWarning() {
    new VoiceListener(
            ListenSettings.DEFAULT,
            () -> microphone(room(100)),
            (g, d) -> {
              throw new RecognizerUnavailable("the speech model did not load (boom)");
            },
            new EchoGate(Duration.ZERO, Duration.ZERO),
            clock,
            recording())
        .runHere();
    assertEquals(List.of("unavailable: the speech model did not load (boom)"), events);
  }
}
