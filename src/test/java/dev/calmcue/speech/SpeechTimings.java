package dev.calmcue.speech;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Timing figures for the speech package, run by hand (not a test: timings on a shared machine are
 * not pass/fail). From the worktree, after {@code mvn -o test-compile}:
 *
 * <pre>
 * CP=target/classes:target/test-classes:$HOME/.m2/repository/net/sf/sociaal/freetts/1.2.2/freetts-1.2.2.jar
 * java -cp $CP dev.calmcue.speech.SpeechTimings warm            # load, synthesis, cache read
 * java -cp $CP dev.calmcue.speech.SpeechTimings first DIR $(date +%s%3N)   # cold JVM: first PCM
 * </pre>
 *
 * {@code first} uses DIR as the cache: run it once on an empty DIR (miss: loads the voice), then
 * again (hit: reads the file). It prints milliseconds since the launch time given (epoch
 * milliseconds) and since main started.
 */
final class SpeechTimings {
  private static final String SENTENCE = "Warm your hands and rest them gently on her back.";

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("first")) {
      first(Path.of(args[1]), Long.parseLong(args[2]));
    } else {
      warm();
    }
  }

  private static void first(Path dir, long launchedEpochMillis) {
    long mainStarted = System.nanoTime();
    CachingSpeechEngine engine =
        SpeechEngines.open(SpeechSettings.defaults(), new SpeechCache(dir));
    Pcm pcm = engine.synthesize(SENTENCE);
    long done = System.nanoTime();
    long sinceLaunch = System.currentTimeMillis() - launchedEpochMillis;
    System.out.printf(
        "first PCM (%d samples, engine %s): %d ms after launch, %.1f ms after main started%n",
        pcm.length(),
        engine.engineStarted() ? "loaded" : "not loaded",
        sinceLaunch,
        (done - mainStarted) / 1e6);
  }

  private static void warm() throws Exception {
    long t0 = System.nanoTime();
    FreeTtsEngine engine = new FreeTtsEngine(SpeechSettings.defaults());
    Pcm first = engine.synthesize("Hello.");
    long t1 = System.nanoTime();
    System.out.printf("voice load + first tiny clip: %.1f ms (cold JVM)%n", (t1 - t0) / 1e6);
    FreeTtsEngine second = new FreeTtsEngine(SpeechSettings.defaults());
    long t2 = System.nanoTime();
    second.synthesize("Hello.");
    System.out.printf("second voice load + tiny clip: %.1f ms%n", (System.nanoTime() - t2) / 1e6);
    second.close();

    int rounds = 50;
    Pcm pcm = null;
    for (int i = 0; i < 10; i++) {
      engine.synthesize(SENTENCE + i); // warm-up, distinct texts
    }
    long t3 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      pcm = engine.synthesize(SENTENCE);
    }
    double perClip = (System.nanoTime() - t3) / 1e6 / rounds;
    double audioMs = pcm.duration().toNanos() / 1e6;
    System.out.printf(
        "10-word sentence: %.0f ms of audio in %.2f ms = %.0fx real time%n",
        audioMs, perClip, audioMs / perClip);

    Path dir = Files.createTempDirectory("calmcue-timings");
    SpeechCache cache = new SpeechCache(dir);
    Pcm threeSeconds = new Pcm(16_000, new short[48_000]);
    cache.write("k", "three seconds", threeSeconds);
    long t4 = System.nanoTime();
    cache.read("k", "three seconds").orElseThrow();
    System.out.printf(
        "first cache read of a 3 s clip in this JVM: %.3f ms%n", (System.nanoTime() - t4) / 1e6);
    for (int i = 0; i < 200; i++) {
      cache.read("k", "three seconds").orElseThrow();
    }
    long t5 = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      cache.read("k", "three seconds").orElseThrow();
    }
    System.out.printf(
        "cache read of a 3 s clip (warm): %.3f ms%n", (System.nanoTime() - t5) / 1e6 / 1000);
    engine.close();
  }
}
