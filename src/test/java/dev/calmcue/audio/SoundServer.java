package dev.calmcue.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PulseAudio null sink the real-sound tests play into and record from. Starts it with the
 * shared {@code pulse-up.sh} when it is not running; says why when it cannot, so tests skip with a
 * reason.
 */
public final class SoundServer {
  private SoundServer() {}

  /** Empty when the server runs (started now if needed), else why it cannot. */
  public static Optional<String> unavailableReason() {
    if (!onPath("pactl") || !onPath("parec")) {
      return Optional.of(
          "pactl/parec not installed (Debian: pulseaudio alsa-utils libasound2-plugins)");
    }
    if (run("pactl", "info")) {
      return Optional.empty();
    }
    Optional<Path> script = pulseUp();
    if (script.isEmpty()) {
      return Optional.of(
          "no sound server running and no pulse-up.sh found (looked in ../shared/tools)");
    }
    if (!run("sh", script.get().toString()) || !run("pactl", "info")) {
      return Optional.of("could not start PulseAudio with " + script.get());
    }
    return Optional.empty();
  }

  /** ../shared/tools/pulse-up.sh from the project (CI) or from a worktree two levels down. */
  static Optional<Path> pulseUp() {
    Path project = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("CALMCUE_SHARED_TOOLS");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env, "pulse-up.sh"));
    }
    for (Path p = project.getParent(); p != null; p = p.getParent()) {
      candidates.add(p.resolve("shared/tools/pulse-up.sh"));
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  /** Records the null sink's monitor (16 kHz mono) until {@link Recorder#stop()}. */
  public static Recorder record() throws IOException {
    return record("nullsink.monitor");
  }

  /** Records {@code source} (16 kHz mono) until {@link Recorder#stop()}. */
  public static Recorder record(String source) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            "parec",
            "-d",
            source,
            "--format=s16le",
            "--rate=16000",
            "--channels=1",
            "--latency-msec=5",
            "--raw");
    pb.environment().putAll(Map.of("PULSE_LATENCY_MSEC", "20"));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return new Recorder(pb.start());
  }

  /** A running parec. */
  public static final class Recorder {
    private final Process process;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;

    Recorder(Process process) {
      this.process = process;
      this.reader =
          new Thread(
              () -> {
                byte[] b = new byte[8192];
                try (InputStream in = process.getInputStream()) {
                  for (int n = in.read(b); n >= 0; n = in.read(b)) {
                    synchronized (bytes) {
                      bytes.write(b, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // parec was stopped
                }
              },
              "parec-reader");
      reader.start();
    }

    /** Samples recorded so far. */
    public int length() {
      synchronized (bytes) {
        return bytes.size() / 2;
      }
    }

    /** Stops recording and returns everything recorded. */
    public short[] stop() throws InterruptedException {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
      reader.join(5000);
      byte[] b;
      synchronized (bytes) {
        b = bytes.toByteArray();
      }
      short[] s = new short[b.length / 2];
      for (int i = 0; i < s.length; i++) {
        s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
      }
      return s;
    }
  }

  /**
   * The signal below about 3 kHz (a 63-tap windowed-sinc low-pass at 16 kHz). Onsets are found on
   * this: the sound server resamples to 48 kHz and back, which softens the "s" sounds near 8 kHz,
   * so a threshold on the raw signal would fire later on a recording than on the plan for the same
   * word.
   */
  public static short[] lowPass(short[] s) {
    int taps = 63;
    int half = taps / 2;
    double cutoff = 3000.0 / 16000;
    double[] h = new double[taps];
    double sum = 0;
    for (int i = 0; i < taps; i++) {
      int k = i - half;
      double sinc = k == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
      h[i] = sinc * (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (taps - 1)));
      sum += h[i];
    }
    short[] out = new short[s.length];
    for (int n = 0; n < s.length; n++) {
      double acc = 0;
      for (int i = 0; i < taps; i++) {
        int j = n + half - i; // centred: no delay
        if (j >= 0 && j < s.length) {
          acc += h[i] / sum * s[j];
        }
      }
      out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
    }
    return out;
  }

  /**
   * Where sound starts: the first sample louder than {@code threshold} after at least {@code
   * minGap} samples of quiet.
   */
  public static List<Integer> onsets(short[] s, int threshold, int minGap) {
    List<Integer> found = new ArrayList<>();
    int lastLoud = -minGap - 1;
    for (int i = 0; i < s.length; i++) {
      if (Math.abs(s[i]) > threshold) {
        if (i - lastLoud > minGap) {
          found.add(i);
        }
        lastLoud = i;
      }
    }
    return found;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static boolean run(String... command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs pactl with {@code args}, fails the test if it fails, and returns what it printed. */
  public static String pactl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("pactl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("pactl " + args[0] + ": " + out);
    }
    return out;
  }
}
