package dev.calmcue.speech;

import dev.calmcue.files.AtomicFile;
import dev.calmcue.files.BaseDirs;
import dev.calmcue.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Synthesized clips kept on disk between runs, so a session whose texts were spoken before starts
 * without loading a voice. One file per (settings, text), named by a 128-bit hash of both.
 *
 * <p>Entry format, little-endian: magic {@code CCSP}, format version, sample rate, sample count,
 * key length, CRC32C of everything after the header; then the key (settings and text, UTF-8, so a
 * hash collision is detected rather than played) and the samples. Entries are written to a
 * temporary file and atomically renamed, so another process never sees half of one. A damaged entry
 * is deleted and reported as missing; a cache that cannot be written stops trying and the session
 * goes on without it. Never throws for I/O problems. Safe to use from several threads and
 * processes.
 *
 * <p>The read path avoids lambdas and {@code +} on strings: in a cold JVM their first use
 * bootstraps invokedynamic (about 20 ms here), and a cached first cue should be playing by then.
 */
public final class SpeechCache {
  /** Bump when the entry layout changes; old entries are then deleted on first read. */
  static final int FORMAT_VERSION = 1;

  static final int HEADER_BYTES = 24;
  private static final byte[] MAGIC = {'C', 'C', 'S', 'P'};
  // A clip of speech is seconds long; anything near this is not an entry we wrote.
  private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
  private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

  private final Path directory; // null = no persistent cache
  private volatile String writeProblem;
  private volatile boolean staleTempsSwept;

  /** A cache in {@code directory}; the directory is created on the first write. */
  public SpeechCache(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  private SpeechCache() {
    this.directory = null;
    this.writeProblem = "the speech cache is turned off";
  }

  /** A cache that keeps nothing (every lookup misses). */
  public static SpeechCache disabled() {
    return new SpeechCache();
  }

  /** The cache in the user's cache directory: {@code $XDG_CACHE_HOME/calmcue/speech}. */
  public static SpeechCache atDefaultLocation() {
    return new SpeechCache(defaultDirectory(System.getenv(), System.getProperty("user.home")));
  }

  /**
   * {@code $XDG_CACHE_HOME/calmcue/speech}, or {@code ~/.cache/calmcue/speech} when the variable is
   * unset, empty or not absolute (as the XDG base directory spec says).
   */
  public static Path defaultDirectory(Map<String, String> env, String userHome) {
    return BaseDirs.of(env, Path.of(userHome)).cache().resolve("speech");
  }

  /** Where entries live; empty for a {@link #disabled()} cache. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /** Why clips are not being saved, if they are not (the directory could not be written). */
  public Optional<String> writeProblem() {
    return Optional.ofNullable(writeProblem);
  }

  /** The clip stored for this text and settings key, if there is an intact one. */
  public Optional<Pcm> read(String settingsKey, String text) {
    if (directory == null) {
      return Optional.empty();
    }
    byte[] key = keyBytes(settingsKey, text);
    Path file = fileFor(key);
    if (!RegularFiles.isRegular(file)) {
      // Missing, or something that is not a clip (a FIFO would block the open for ever).
      return Files.exists(file) ? discard(file) : Optional.empty();
    }
    ByteBuffer buf;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER_BYTES || size > MAX_ENTRY_BYTES) {
        return discard(file);
      }
      buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // read until full or end of file
      }
      if (buf.hasRemaining()) {
        return discard(file);
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    buf.flip();
    Optional<Pcm> pcm = decode(buf, key);
    return pcm.isPresent() ? pcm : discard(file);
  }

  /**
   * Stores a clip. Failures are not errors: the first one turns writing off for this cache and is
   * reported by {@link #writeProblem()}.
   */
  public void write(String settingsKey, String text, Pcm pcm) {
    if (directory == null || writeProblem != null) {
      return;
    }
    byte[] key = keyBytes(settingsKey, text);
    Path file = fileFor(key);
    Path temp = null;
    try {
      Files.createDirectories(directory);
      sweepStaleTemps();
      temp = AtomicFile.tempBeside(file);
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = encode(key, pcm);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
      try {
        AtomicFile.commit(temp, file);
      } catch (AtomicMoveNotSupportedException e) {
        // Same directory, so this only happens on exotic file systems: keep going without a cache
        // rather than risk another process reading half an entry.
        writeProblem = "cannot replace files atomically in " + directory;
        return;
      }
      temp = null;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      writeProblem = "cannot write the speech cache in " + directory + ": " + e;
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /** How many clips the cache holds and their size on disk. */
  public Usage usage() {
    int clips = 0;
    long bytes = 0;
    if (directory != null && Files.isDirectory(directory)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.pcm")) {
        for (Path p : entries) {
          clips++;
          bytes += Files.size(p);
        }
      } catch (IOException | SecurityException e) {
        // A cache we cannot list is reported as empty; it is only information.
      }
    }
    return new Usage(clips, bytes);
  }

  /** Size of the cache on disk. */
  public record Usage(int clips, long bytes) {}

  /** The file that holds (or would hold) the entry for this text and settings key. */
  Path fileFor(String settingsKey, String text) {
    return fileFor(keyBytes(settingsKey, text));
  }

  private Path fileFor(byte[] key) {
    return directory.resolve(KeyHash.hex128(key).concat(".pcm"));
  }

  private static byte[] keyBytes(String settingsKey, String text) {
    // The trimming rule shapes every stored clip, so it is part of the key like the voice is.
    String material =
        new StringBuilder(settingsKey.length() + text.length() + 32)
            .append("calmcue speech ")
            .append(FORMAT_VERSION)
            .append(" trim ")
            .append(SilenceTrimmer.VERSION)
            .append('\n')
            .append(settingsKey)
            .append('\n')
            .append(text)
            .toString();
    return material.getBytes(StandardCharsets.UTF_8);
  }

  private static ByteBuffer encode(byte[] key, Pcm pcm) {
    short[] samples = pcm.samples();
    ByteBuffer buf =
        ByteBuffer.allocate(HEADER_BYTES + key.length + 2 * samples.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(pcm.sampleRate()).putInt(samples.length);
    buf.putInt(key.length).putInt(0); // checksum, filled in below
    buf.put(key);
    buf.asShortBuffer().put(samples);
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), HEADER_BYTES, buf.capacity() - HEADER_BYTES);
    buf.putInt(20, (int) crc.getValue());
    buf.position(0);
    return buf;
  }

  /**
   * The clip in {@code buf}, or empty if the entry is damaged, from another format or another key.
   */
  private static Optional<Pcm> decode(ByteBuffer buf, byte[] key) {
    byte[] a = buf.array();
    if (a[0] != MAGIC[0] || a[1] != MAGIC[1] || a[2] != MAGIC[2] || a[3] != MAGIC[3]) {
      return Optional.empty();
    }
    int version = buf.getInt(4);
    int rate = buf.getInt(8);
    int count = buf.getInt(12);
    int keyLength = buf.getInt(16);
    int checksum = buf.getInt(20);
    if (version != FORMAT_VERSION || rate <= 0 || count < 0 || keyLength != key.length) {
      return Optional.empty();
    }
    if ((long) HEADER_BYTES + keyLength + 2L * count != a.length) {
      return Optional.empty();
    }
    CRC32C crc = new CRC32C();
    crc.update(a, HEADER_BYTES, a.length - HEADER_BYTES);
    if ((int) crc.getValue() != checksum) {
      return Optional.empty();
    }
    if (!Arrays.equals(a, HEADER_BYTES, HEADER_BYTES + keyLength, key, 0, key.length)) {
      // Another text with the same hash: astronomically rare; it is dropped and rebuilt when
      // needed.
      return Optional.empty();
    }
    short[] samples = new short[count];
    buf.position(HEADER_BYTES + keyLength);
    buf.asShortBuffer().get(samples);
    return Optional.of(new Pcm(rate, samples));
  }

  private static Optional<Pcm> discard(Path file) {
    deleteQuietly(file);
    return Optional.empty();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | SecurityException e) {
      // Left for the next write to replace.
    }
  }

  /** Removes temporary files left by a process that died mid-write (once per cache object). */
  private void sweepStaleTemps() {
    if (staleTempsSwept) {
      return;
    }
    staleTempsSwept = true;
    FileTime cutoff = FileTime.from(Instant.now().minus(STALE_TEMP_AGE));
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, "*.tmp")) {
      for (Path t : temps) {
        if (Files.getLastModifiedTime(t).compareTo(cutoff) < 0) {
          deleteQuietly(t);
        }
      }
    } catch (IOException | SecurityException e) {
      // Only housekeeping.
    }
  }

  /**
   * A 128-bit FNV-1a-style hash with a strong final mix. Not cryptographic, and need not be: the
   * entry stores its full key. Used instead of SHA-256 because the first MessageDigest in a fresh
   * JVM costs 20-40 ms of provider loading, right on the path to the first spoken cue.
   */
  static final class KeyHash {
    private KeyHash() {}

    static String hex128(byte[] data) {
      long h1 = 0xcbf29ce484222325L;
      long h2 = 0x84222325cbf29ce4L ^ data.length;
      for (byte b : data) {
        h1 = (h1 ^ (b & 0xff)) * 0x100000001b3L;
        h2 = (h2 ^ (b & 0xff)) * 0x9e3779b97f4a7c15L;
        h2 = Long.rotateLeft(h2, 29);
      }
      long a = fmix(h1 ^ Long.rotateLeft(h2, 17));
      long b = fmix(h2 + h1 * 0xc2b2ae3d27d4eb4fL);
      StringBuilder hex = new StringBuilder(32);
      appendHex16(hex, a);
      appendHex16(hex, b);
      return hex.toString();
    }

    private static void appendHex16(StringBuilder to, long v) {
      String h = Long.toHexString(v);
      for (int i = h.length(); i < 16; i++) {
        to.append('0');
      }
      to.append(h);
    }

    private static long fmix(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      k *= 0xc4ceb9fe1a85ec53L;
      k ^= k >>> 33;
      return k;
    }
  }
}
