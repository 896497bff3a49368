package dev.calmcue.history;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.calmcue.files.RegularFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Tells a session that is still playing (in another terminal) from one whose process died: a
 * running session holds an OS lock on {@code <dir>/<sessionId>.lock}, which the OS drops when the
 * process dies, even by kill -9.
 */
final class SessionLeases {
  /** Sessions held by this JVM: probing their lock file here would release the lock (POSIX). */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Path dir;

  SessionLeases(Path dir) {
    this.dir = dir;
  }

  /** Holds the session's lock until closed; a no-op if the lock file cannot be made. */
  AutoCloseable hold(String sessionId) {
    Path lockFile = lockFile(sessionId);
    if (lockFile == null) {
      return () -> {};
    }
    try {
      Files.createDirectories(dir);
      RegularFiles.requireRegularOrAbsent(lockFile); // opening a FIFO to write blocks
      FileChannel ch = FileChannel.open(lockFile, CREATE, WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        return () -> {};
      }
      HELD_HERE.add(lockFile);
      return () -> {
        try {
          Files.deleteIfExists(lockFile);
        } finally {
          HELD_HERE.remove(lockFile);
          lock.release();
          ch.close();
        }
      };
    } catch (IOException | RuntimeException e) {
      // Without the lock a reader elsewhere may call this session interrupted while it plays:
      // harmless.
      return () -> {};
    }
  }

  /** True if some process still holds the session's lock. */
  boolean isRunning(String sessionId) {
    Path lockFile = lockFile(sessionId);
    if (lockFile == null) {
      return false;
    }
    if (HELD_HERE.contains(lockFile)) {
      return true;
    }
    if (!RegularFiles.isRegular(lockFile)) {
      return false; // missing, or not a lock file we made (a FIFO would block the open)
    }
    try (FileChannel ch = FileChannel.open(lockFile, WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return true;
      }
      // Left behind by a process that died: tidy it up.
      Files.deleteIfExists(lockFile);
      lock.release();
      return false;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Path lockFile(String sessionId) {
    return SAFE_ID.matcher(sessionId).matches() ? dir.resolve(sessionId + ".lock") : null;
  }
}
