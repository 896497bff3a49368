package dev.calmcue.voice;

import java.time.Duration;

/**
 * How calmcue listens.
 *
 * @param wakeWord every command starts with "calm cue" (default on: it takes false commands from
 *     about 3 in 100 of the parent's own words to under 1 in 1,000)
 * @param minMargin how much better, in natural-log score units over the utterance, the command must
 *     score than the out-of-grammar phone loop (anything else said). 0 means "the command is the
 *     more likely explanation"; raise it to trade missed commands for fewer false ones (the
 *     measured spread is in docs/benchmarks.md)
 * @param endingMargin how much more a command that ends the session (stop, fussy) must win by: a
 *     false stop ends the parent's session, a missed one is said again. Measured
 *     (docs/benchmarks.md): 10 took false stops from 5 to 3 in 3,270 negative utterances and lost
 *     no command; 20 would have taken them to 1 but loses a quiet "calm cue, baby is fussy" that
 *     scores 12
 * @param maxUtterance an utterance whose voice lasts longer than this is talk, not a command,
 *     whatever it decodes as ("calm cue, the baby is fussy" takes about 2 s)
 * @param echoLatency how long after the player's line the speaker is heard (sound server, device)
 * @param echoTail how long the room and the microphone may still carry a cue after it ends
 */
public record ListenSettings(
    boolean wakeWord,
    double minMargin,
    double endingMargin,
    Duration maxUtterance,
    Duration echoLatency,
    Duration echoTail,
    DecoderSettings decoder) {
  public static final ListenSettings DEFAULT =
      new ListenSettings(
          true,
          0,
          10,
          Duration.ofMillis(4000),
          Duration.ofMillis(120),
          Duration.ofMillis(350),
          DecoderSettings.DEFAULT);

  /**
   * The shortest a command behind the wake phrase can be said in: "calm cue" and a word are at
   * least three syllables. Shorter, it is one word heard as three ("Cuckoo!", "Okay."). The
   * quickest commands measured, espeak-ng at 190 words a minute, took 660 and 780 ms; those false
   * commands 550-610 ms (docs/benchmarks.md).
   */
  public static final Duration SHORTEST_WAKE_COMMAND = Duration.ofMillis(600);

  /**
   * The shortest "cue" of the wake phrase. "Cue" is a stressed long vowel that ends the wake
   * phrase; when the decoder fits it into 80-140 ms, near the 90 ms its three phones need at the
   * least, nobody said it: the decoder squeezed one in ("Palms flat and soft." and "Don't fuss, my
   * darling" heard as commands). The quickest said "cue" measured took 160 ms (FreeTTS at 190 words
   * a minute in noise), most 250-570 ms (docs/benchmarks.md).
   */
  public static final Duration SHORTEST_CUE = Duration.ofMillis(150);

  /**
   * How far under the command's loudest word its faintest may be, at their loudest 20 ms, and still
   * be a word. "Cuckoo!" decodes as "calm cue, fussy" with "fussy" laid over the word's fading end,
   * 36 dB under it; "Oops." as "calm cue, pause" with "calm" laid over the silence before it, 50 dB
   * under. The faintest word said measured 23 dB under its loudest (FreeTTS in noise), nine in ten
   * within 6 dB (docs/benchmarks.md).
   */
  public static final double WORDS_WITHIN_DB = 30;

  /** The shortest a command can be said in; no limit for a bare word. */
  public Duration shortestCommand() {
    return wakeWord ? SHORTEST_WAKE_COMMAND : Duration.ZERO;
  }

  /** The margin {@code command} must win by. */
  public double marginFor(SpokenCommand command) {
    return minMargin + (command.endsSession() ? endingMargin : 0);
  }

  /** With or without the wake phrase, and the decoder settings measured best for that. */
  public ListenSettings withWakeWord(boolean on) {
    return new ListenSettings(
        on,
        minMargin,
        endingMargin,
        maxUtterance,
        echoLatency,
        echoTail,
        DecoderSettings.forWakeWord(on));
  }

  public ListenSettings withMinMargin(double margin) {
    return new ListenSettings(
        wakeWord, margin, endingMargin, maxUtterance, echoLatency, echoTail, decoder);
  }
}
