package dev.calmcue.live;

import dev.calmcue.files.AtomicFile;
import dev.calmcue.files.BaseDirs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * What the last {@code calmcue play} with the same arguments sounded like at its very start: the
 * first cue's samples and where the next cue begins. Read first thing in {@code main}, before the
 * arguments are even parsed, so the first word can play while the rest of the session is still
 * being prepared. Kept in {@code $XDG_CACHE_HOME/calmcue/launch/}; a hint is only a guess, checked
 * against the prepared session before the player takes over.
 *
 * @param nextCue the timeline sample where the second cue starts: silence until then is safe to
 *     write
 */
record LaunchHint(int sampleRate, int prerollSamples, int nextCue, short[] samples) {
  private static final int MAGIC = 0x43434c48; // "CCLH"
  private static final int VERSION = 1;
  private static final int HEADER = 24;

  /**
   * The hint file for these arguments in this place (checkout, working directory). The name is a
   * 64-bit FNV-1a hash: cheap at launch (no security providers to load), and a collision only costs
   * a hint that fails its check.
   */
  static Optional<Path> fileFor(String[] args, Map<String, String> env, String userHome, Path cwd) {
    try {
      StringBuilder key = new StringBuilder();
      for (String a : args) {
        key.append(a).append('\0');
      }
      key.append(cwd.toAbsolutePath()).append('\0').append(env.getOrDefault("CALMCUE_HOME", ""));
      long h = 0xcbf29ce484222325L;
      for (byte b : key.toString().getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      // not String.format: at launch every class loaded delays the first word
      String hex = Long.toHexString(h);
      return Optional.of(
          launchDirectory(env, userHome).resolve("0".repeat(16 - hex.length()) + hex + ".hint"));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * Next to the speech cache: {@code $XDG_CACHE_HOME/calmcue/launch} or {@code
   * ~/.cache/calmcue/launch}.
   */
  static Path launchDirectory(Map<String, String> env, String userHome) {
    return BaseDirs.of(env, Path.of(userHome)).cache().resolve("launch");
  }

  /** The hint in {@code file}, if there is an intact one. Never throws. */
  static Optional<LaunchHint> read(Path file) {
    try {
      byte[] b = Files.readAllBytes(file);
      ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      if (b.length < HEADER || buf.getInt() != MAGIC || buf.getInt() != VERSION) {
        return Optional.empty();
      }
      int rate = buf.getInt();
      int preroll = buf.getInt();
      int next = buf.getInt();
      int n = buf.getInt();
      if (rate <= 0 || preroll < 0 || n < 0 || next < n || b.length != HEADER + 2 * n) {
        return Optional.empty();
      }
      short[] s = new short[n];
      buf.asShortBuffer().get(s);
      return Optional.of(new LaunchHint(rate, preroll, next, s));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Saves the hint (temp file, then atomic rename); a hint that cannot be saved is no loss. */
  void write(Path file) {
    try {
      ByteBuffer buf =
          ByteBuffer.allocate(HEADER + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
      buf.putInt(MAGIC)
          .putInt(VERSION)
          .putInt(sampleRate)
          .putInt(prerollSamples)
          .putInt(nextCue)
          .putInt(samples.length);
      buf.asShortBuffer().put(samples);
      AtomicFile.write(file, buf.array());
    } catch (IOException | RuntimeException e) {
      // only the next launch is a little slower
    }
  }

  boolean sameAs(LaunchHint o) {
    return o != null
        && sampleRate == o.sampleRate
        && prerollSamples == o.prerollSamples
        && nextCue == o.nextCue
        && Arrays.equals(samples, o.samples);
  }
}
