package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.calmcue.audio.SoundServer;
import dev.calmcue.history.JavaProcess;
import dev.calmcue.voice.SyntheticSpeech;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the voice end-to-end tests share: a private speaker and a private microphone (two PulseAudio
 * null sinks; the test speaks into the microphone sink with paplay, calmcue records its monitor),
 * the spoken commands as WAVs, and calmcue in a child JVM set up like scripts/calmcue (160 MB heap,
 * serial GC, Sphinx not on the class path but in a lib folder, loaded only for --listen).
 *
 * <p>PULSE_SINK and PULSE_SOURCE pick the devices for the child only: the server's defaults, shared
 * with other tests, stay. The child's HOME and XDG folders are its own under target/, never the
 * user's; PULSE_SERVER names the running server, since with another HOME and XDG_CONFIG_HOME the
 * client library would not find it.
 */
final class VoiceRig implements BeforeAllCallback, AfterAllCallback {
  private static final String TAG =
      ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;

  private final Path work;
  private final String speaker;
  private final String mic;
  private final List<String> words;
  private final List<String> modules = new ArrayList<>();
  private final List<Process> keepalives = new ArrayList<>();
  private String server;

  /**
   * For a test class's {@code @RegisterExtension static} field: before its tests, loads the two
   * sinks and says "calm cue, {word}" into a WAV for each of {@code words}, or skips them all
   * (assumption) when there is no sound server or no espeak-ng; after them, unloads the sinks.
   *
   * @param prefix starts the sinks' names, so a leftover sink tells which test made it
   */
  VoiceRig(Path work, String prefix, List<String> words) {
    this.work = work;
    this.speaker = prefix + "spk_" + TAG;
    this.mic = prefix + "mic_" + TAG;
    this.words = List.copyOf(words);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    assumeTrue(
        SoundServer.unavailableReason().isEmpty(), () -> SoundServer.unavailableReason().get());
    assumeTrue(SyntheticSpeech.espeakPresent(), "espeak-ng is not installed");
    String info = SoundServer.pactl("info");
    server =
        info.lines()
            .filter(l -> l.startsWith("Server String: "))
            .map(l -> l.substring("Server String: ".length()).strip())
            .findFirst()
            .orElseThrow(() -> new AssertionError("pactl info names no server:\n" + info));
    for (String sink : List.of(speaker, mic)) {
      load(sink);
    }
    Files.createDirectories(work);
    for (String word : words) {
      run("espeak-ng", "-v", "en-us", "-s", "150", "-w", wav(word).toString(), "calm cue, " + word);
    }
  }

  private void load(String sink) throws Exception {
    modules.add(SoundServer.pactl("load-module", "module-null-sink", "sink_name=" + sink).strip());
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

  /** The sink calmcue plays into. */
  String speaker() {
    return speaker;
  }

  /** The sink the test speaks into; calmcue hears its monitor. */
  String mic() {
    return mic;
  }

  Path wav(String word) {
    return work.resolve(word + ".wav");
  }

  /**
   * Says "calm cue, {@code word}" into the microphone until calmcue reports {@code command} heard,
   * at most three times, as a parent would repeat a command that got no blip. (Recognition through
   * the sound server is not perfect; the recognizer's own accuracy is
   * SpokenCommandsRecognitionTest's.)
   */
  void sayUntilHeard(CalmcueChild c, String word, String command) throws Exception {
    for (int attempt = 1; ; attempt++) {
      run("paplay", "-d", mic, wav(word).toString());
      if (c.seen(l -> l.contains("heard \"" + command + "\""), 30) || attempt == 3) {
        return;
      }
    }
  }

  /**
   * A fresh home for one child under the work folder: HOME, and data, config and cache folders in
   * it (the speech cache is shared by all children, so only the first one synthesizes).
   */
  Path home(String name) throws IOException {
    Path home = work.resolve("home-" + TAG + "-" + name).toAbsolutePath();
    for (String dir : List.of("data", "config")) {
      Files.createDirectories(home.resolve(dir));
    }
    // as pulse-up.sh does for the user: ALSA's default device (javax.sound's) is the sound server
    Files.writeString(
        home.resolve(".asoundrc"), "pcm.!default { type pulse }\nctl.!default { type pulse }\n");
    return home;
  }

  /** The history file of a child living in {@code home}. */
  static Path history(Path home) {
    return home.resolve("data").resolve("calmcue").resolve("history.jsonl");
  }

  /**
   * calmcue with {@code args} in a child JVM living in {@code home}, playing on the speaker sink
   * and hearing {@code source}.
   */
  CalmcueChild calmcue(Path home, String source, String... args) throws IOException {
    StringBuilder cp = new StringBuilder();
    for (String entry : JavaProcess.classpath().split(File.pathSeparator)) {
      if (!entry.contains("sphinx4")) {
        cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(entry);
      }
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m",
                "-XX:+UseSerialGC",
                "-Dcalmcue.lib=" + sphinxLib().toAbsolutePath(),
                "-Duser.home=" + home,
                "-cp",
                cp.toString(),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    var env = pb.environment();
    env.put("PULSE_SERVER", server);
    env.put("PULSE_SINK", speaker);
    env.put("PULSE_SOURCE", source);
    env.put("HOME", home.toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_CACHE_HOME", work.resolve("cache").toAbsolutePath().toString());
    env.remove("CALMCUE_HOME");
    return new CalmcueChild(pb);
  }

  /** Sphinx's jars from the test class path, named as the build's target/lib names them. */
  private Path sphinxLib() throws IOException {
    Path lib = work.resolve("lib");
    Files.createDirectories(lib);
    for (String entry : JavaProcess.classpath().split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      for (String jar : List.of("sphinx4-core", "sphinx4-data")) {
        if (name.startsWith(jar + "-")) {
          Files.copy(
              Path.of(entry), lib.resolve(jar + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return lib;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (Process p : keepalives) {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    for (String m : modules) {
      SoundServer.pactl("unload-module", m);
    }
  }

  static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(
        p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }
}
