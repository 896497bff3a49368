package dev.calmcue.history;

import static dev.calmcue.history.HistoryStore.LOCK_WAIT;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.calmcue.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The history file's bytes under its locks (this JVM's and the OS's), with the pending file that
 * keeps lines another program's lock held back.
 */
final class LockedHistoryFile {
  /**
   * FileLock is held per process, and on Linux closing any channel of a file drops the process's
   * locks on it; so threads of this JVM also serialise on one lock per file, around every open.
   */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  /** History files with a background retry of their pending lines running in this JVM. */
  private static final Set<Path> RETRYING = ConcurrentHashMap.newKeySet();

  private static final long LOCK_POLL_MS = 20;

  private final Path file;
  private final Path pending;

  LockedHistoryFile(Path file) {
    this.file = file;
    this.pending = file.resolveSibling(file.getFileName() + ".pending");
  }

  /** Where deferred lines wait: the history file's name with {@code .pending}. */
  Path pending() {
    return pending;
  }

  /** Pending lines first, then {@code record} (may be empty); false if the lock stayed taken. */
  boolean append(byte[] record) throws IOException {
    ReentrantLock jvmLock = jvmLock();
    if (!tryJvmLock(jvmLock)) {
      return false;
    }
    // READ|WRITE with an explicit position rather than APPEND: we must look at the last byte under
    // the same lock, and a second channel for reading would drop the lock when closed (see
    // JVM_LOCKS).
    try (FileChannel ch = FileChannel.open(file, CREATE, READ, WRITE)) {
      FileLock lock = tryLock(ch, false);
      if (lock == null) {
        return false;
      }
      try (lock) {
        byte[] earlier = takePending();
        byte[] all = new byte[earlier.length + record.length];
        System.arraycopy(earlier, 0, all, 0, earlier.length);
        System.arraycopy(record, 0, all, earlier.length, record.length);
        if (all.length == 0) {
          return true;
        }
        long size = ch.size();
        ByteBuffer buf;
        if (size > 0 && lastByte(ch, size) != '\n') {
          // A torn line from a crash: end it, so this record starts on a line of its own.
          buf = ByteBuffer.allocate(all.length + 1).put((byte) '\n').put(all).flip();
        } else {
          buf = ByteBuffer.wrap(all);
        }
        long at = size;
        while (buf.hasRemaining()) {
          at += ch.write(buf, at);
        }
        ch.force(true);
        clearPending();
        return true;
      }
    } finally {
      jvmLock.unlock();
    }
  }

  /**
   * Waits up to {@link HistoryStore#LOCK_WAIT} for the OS lock; null if another program kept it.
   */
  private static FileLock tryLock(FileChannel ch, boolean shared) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      FileLock lock = ch.tryLock(0, Long.MAX_VALUE, shared);
      if (lock != null || System.nanoTime() - deadline > 0) {
        return lock;
      }
      try {
        Thread.sleep(LOCK_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private static boolean tryJvmLock(ReentrantLock jvmLock) {
    try {
      return jvmLock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Adds a line to the pending file (under its own lock, which nobody holds for long). */
  void keepPending(byte[] record) throws IOException {
    RegularFiles.requireRegularOrAbsent(pending);
    try (FileChannel ch = FileChannel.open(pending, CREATE, WRITE, StandardOpenOption.APPEND);
        FileLock lock = ch.lock()) {
      ByteBuffer buf = ByteBuffer.wrap(record);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  /** The pending file's whole lines (a torn last one is dropped), or nothing. */
  private byte[] takePending() throws IOException {
    if (!RegularFiles.isRegular(pending)) {
      return new byte[0];
    }
    byte[] bytes = Files.readAllBytes(pending);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    return java.util.Arrays.copyOf(bytes, end);
  }

  private void clearPending() throws IOException {
    Files.deleteIfExists(pending);
  }

  /** Moves pending lines into the history once the lock frees; one daemon per file at a time. */
  void retryInBackground() {
    Path key = file.toAbsolutePath().normalize();
    if (!RETRYING.add(key)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                while (RegularFiles.isRegular(pending) && !append(new byte[0])) {
                  Thread.sleep(LOCK_WAIT.toMillis());
                }
              } catch (IOException | InterruptedException e) {
                // The next append or run of calmcue moves them.
              } finally {
                RETRYING.remove(key);
              }
            },
            "calmcue-history-pending");
    t.setDaemon(true);
    t.start();
  }

  private static byte lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    while (one.hasRemaining()) {
      if (ch.read(one, size - 1) < 0) {
        break;
      }
    }
    return one.get(0);
  }

  /**
   * The whole file, then any pending lines, or null if neither exists. Read under a shared lock if
   * it comes within {@link HistoryStore#LOCK_WAIT}; else read as it is (a line being written shows
   * as a torn last line and is skipped with a warning), so {@code history} never hangs on a held
   * lock.
   */
  byte[] readAll() throws IOException {
    RegularFiles.requireRegularOrAbsent(file);
    byte[] main = null;
    ReentrantLock jvmLock = jvmLock();
    boolean jvmLocked = tryJvmLock(jvmLock);
    try (FileChannel ch = FileChannel.open(file, READ)) {
      FileLock lock = jvmLocked ? tryLock(ch, true) : null;
      try {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 16) {
          throw new IOException("history file is too large to read (" + size + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) {
          // keep reading: one read may return fewer bytes than asked
        }
        main = buf.array();
      } finally {
        if (lock != null) {
          lock.release();
        }
      }
    } catch (NoSuchFileException e) {
      main = null;
    } finally {
      if (jvmLocked) {
        jvmLock.unlock();
      }
    }
    byte[] waiting = takePending();
    if (waiting.length == 0) {
      return main;
    }
    byte[] base = main == null ? new byte[0] : main;
    boolean needsBreak = base.length > 0 && base[base.length - 1] != '\n';
    byte[] all = new byte[base.length + (needsBreak ? 1 : 0) + waiting.length];
    System.arraycopy(base, 0, all, 0, base.length);
    if (needsBreak) {
      all[base.length] = '\n';
    }
    System.arraycopy(waiting, 0, all, all.length - waiting.length, waiting.length);
    return all;
  }

  private ReentrantLock jvmLock() {
    return JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new ReentrantLock());
  }
}
