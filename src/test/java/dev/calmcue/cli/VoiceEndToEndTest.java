package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.audio.SoundServer;
import dev.calmcue.history.JavaProcess;
import dev.calmcue.voice.SyntheticSpeech;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code play --listen} end to end through PulseAudio, in a child JVM set up like scripts/calmcue
 * (160 MB heap, Sphinx not on the class path but in a lib folder, loaded only for --listen). Its
 * speaker is a private null sink; its microphone is either a second private null sink that the test
 * speaks into with paplay, or the speaker's own monitor (the mic hears calmcue). PULSE_SINK and
 * PULSE_SOURCE pick them for the child only: the server's defaults, shared with other tests, stay.
 */
class VoiceEndToEndTest {
  private static final Path WORK = Path.of("target", "voice-e2e");
  private static final String TAG =
      ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
  private static final String SPEAKER = "calmcue_vspk_" + TAG;
  private static final String MIC = "calmcue_vmic_" + TAG;
  private static final List<String> modules = new ArrayList<>();
  private static final List<Process> keepalives = new ArrayList<>();

  @BeforeAll
  static void sinks() throws Exception {
    assumeTrue(
        SoundServer.unavailableReason().isEmpty(), () -> SoundServer.unavailableReason().get());
    assumeTrue(SyntheticSpeech.espeakPresent(), "espeak-ng is not installed");
    for (String sink : List.of(SPEAKER, MIC)) {
      modules.add(
          SoundServer.pactl("load-module", "module-null-sink", "sink_name=" + sink).strip());
      // a silent stream keeps each sink (and so its monitor, the child's microphone) running
      keepalives.add(
          new ProcessBuilder(
                  "pacat",
                  "-p",
                  "-d",
                  sink,
                  "--latency-msec=20",
                  "--rate=16000",
                  "--channels=1",
                  "--format=s16le",
                  "--client-name=calmcue-voice-keepalive")
              .redirectInput(new File("/dev/zero"))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start());
    }
    Files.createDirectories(WORK);
    for (String word : List.of("pause", "continue", "next", "stop")) {
      run(
          "espeak-ng",
          "-v",
          "en-us",
          "-s",
          "150",
          "-w",
          WORK.resolve(word + ".wav").toString(),
          "calm cue, " + word);
    }
  }

  @AfterAll
  static void unload() throws Exception {
    for (Process p : keepalives) {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    for (String m : modules) {
      SoundServer.pactl("unload-module", m);
    }
  }

  @Test
  void spokenCommandsPauseResumeSkipAndStopTheSession() throws Exception {
    try (Child c = Child.play("quiet-gaps.json", MIC + ".monitor")) {
      c.await(l -> l.contains("listening ("), 180);
      // the model loads while the first instruction is spoken (before or after it is ready); then
      // nothing is due for 55 s. A command said over the instruction would be ignored, by design.
      if (!c.output().contains("instruction: Stroke the back")) {
        c.await(l -> l.contains("instruction: Stroke the back"), 60);
      }
      Thread.sleep(2500);

      sayUntilHeard(c, "pause", "pause");
      c.await(l -> l.equals("calmcue: paused"), 10);
      Thread.sleep(1000);

      sayUntilHeard(c, "continue", "resume");
      c.await(l -> l.equals("calmcue: resumed"), 10);
      c.await(l -> l.contains("instruction: Stroke the back"), 20); // resume says the step again
      Thread.sleep(2500);

      sayUntilHeard(c, "next", "next");
      c.await(l -> l.contains("step 2/3"), 10);
      c.await(l -> l.contains("instruction: Stroke the legs"), 20);
      Thread.sleep(2500);

      sayUntilHeard(c, "stop", "stop");
      c.await(l -> l.startsWith("Stopped"), 60);
      assertEquals(0, c.exit(60), c.output());
      List<String> history = Files.readAllLines(c.history());
      String ended = history.get(history.size() - 1);
      assertTrue(
          ended.contains("\"type\":\"ended\"") && ended.contains("\"stoppedBy\":\"voice\""),
          "history says the voice stopped it: " + ended);
    }
  }

  @Test
  void whenTheMicrophoneHearsTheSpeakerARoutineFullOfCommandWordsRunsToItsEnd() throws Exception {
    try (Child c = Child.play("says-commands.json", SPEAKER + ".monitor")) {
      c.await(l -> l.contains("listening ("), 180);
      c.await(l -> l.startsWith("Session complete"), 180);
      assertEquals(0, c.exit(30), c.output());
      assertFalse(c.output().contains("heard \""), "obeyed its own voice:\n" + c.output());
      assertTrue(c.output().contains("closing: Calm cue, ready."), c.output());
    }
  }

  /**
   * Says "calm cue, {@code word}" into the microphone until calmcue reports {@code command} heard,
   * at most three times, as a parent would repeat a command that got no blip. (Recognition through
   * the sound server is not perfect; the recognizer's own accuracy is
   * SpokenCommandsRecognitionTest's.)
   */
  private static void sayUntilHeard(Child c, String word, String command) throws Exception {
    for (int attempt = 1; ; attempt++) {
      run("paplay", "-d", MIC, WORK.resolve(word + ".wav").toString());
      if (c.seen(l -> l.contains("heard \"" + command + "\""), 30) || attempt == 3) {
        return;
      }
    }
  }

  /** calmcue in a child JVM, its output collected line by line. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final Path dataHome;
    private final List<String> lines = new ArrayList<>();
    private int seen;

    private Child(Process process, Path dataHome) {
      this.process = process;
      this.dataHome = dataHome;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String l = r.readLine(); l != null; l = r.readLine()) {
                    synchronized (lines) {
                      lines.add(l);
                      lines.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the child ended
                }
              },
              "voice-e2e-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Child play(String routine, String source) throws IOException {
      Path lib = sphinxLib();
      // its own history, so the test reads this session's record
      Path dataHome = WORK.resolve("data-" + TAG + "-" + routine);
      StringBuilder cp = new StringBuilder();
      for (String entry : JavaProcess.classpath().split(File.pathSeparator)) {
        if (!entry.contains("sphinx4")) {
          cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(entry);
        }
      }
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx160m",
              "-XX:+UseSerialGC",
              "-Dcalmcue.lib=" + lib.toAbsolutePath(),
              "-Dcalmcue.data.home=" + dataHome.toAbsolutePath(),
              "-cp",
              cp.toString(),
              Main.class.getName(),
              "play",
              "src/test/resources/voice/" + routine,
              "--no-prep",
              "--listen",
              "--verbose");
      pb.environment().put("PULSE_SINK", SPEAKER);
      pb.environment().put("PULSE_SOURCE", source);
      pb.environment()
          .put(
              "XDG_CACHE_HOME",
              Path.of("target", "voice-e2e", "cache").toAbsolutePath().toString());
      pb.redirectErrorStream(true);
      return new Child(pb.start(), dataHome);
    }

    /** Sphinx's jars from the test class path, named as the build's target/lib names them. */
    private static Path sphinxLib() throws IOException {
      Path lib = WORK.resolve("lib");
      Files.createDirectories(lib);
      for (String entry : JavaProcess.classpath().split(File.pathSeparator)) {
        String name = Path.of(entry).getFileName().toString();
        for (String jar : List.of("sphinx4-core", "sphinx4-data")) {
          if (name.startsWith(jar + "-")) {
            Files.copy(
                Path.of(entry),
                lib.resolve(jar + ".jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return lib;
    }

    /** The history file of this child. */
    Path history() {
      return dataHome.resolve("calmcue").resolve("history.jsonl");
    }

    /** Waits for the next line (after the last one awaited) matching {@code what}. */
    void await(Predicate<String> what, int seconds) throws InterruptedException {
      if (!seen(what, seconds)) {
        throw new AssertionError("not seen within " + seconds + " s; output:\n" + output());
      }
    }

    /** Whether a next line matching {@code what} comes within {@code seconds}. */
    boolean seen(Predicate<String> what, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      synchronized (lines) {
        while (true) {
          for (; seen < lines.size(); seen++) {
            if (what.test(lines.get(seen))) {
              seen++;
              return true;
            }
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          lines.wait(Math.max(1, left / 1_000_000));
        }
      }
    }

    int exit(int seconds) throws InterruptedException {
      assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "calmcue ended");
      return process.exitValue();
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(
        p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }
}
