package dev.calmcue.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.calmcue.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only history file (JSON Lines): one line when a session starts and one when it ends.
 *
 * <p>Every append is one write of a whole line under an exclusive {@link FileLock}, then {@code
 * force(true)}, so two terminals never interleave bytes and a power cut loses at most the line
 * being written. Reading never fails on content: a torn or damaged line is skipped with a warning.
 */
public final class HistoryStore {
  /**
   * FileLock is held per process, and on Linux closing any channel of a file drops the process's
   * locks on it; so threads of this JVM also serialise on one lock per file, around every open.
   */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  /** History files with a background retry of their pending lines running in this JVM. */
  private static final Set<Path> RETRYING = ConcurrentHashMap.newKeySet();

  /**
   * How long an append or a read waits for another program's lock on the file: history must never
   * hold up a session (or {@code calmcue history}) for longer.
   */
  static final Duration LOCK_WAIT = Duration.ofSeconds(1);

  private static final long LOCK_POLL_MS = 20;

  /** Thrown by an append that found the file locked: the line is kept in the pending file. */
  public static final class Deferred extends IOException {
    private static final long serialVersionUID = 1L;

    Deferred(String message) {
      super(message);
    }
  }

  private final Path file;
  private final Path pending;
  private final Clock clock;
  private final SessionLeases leases;

  /**
   * @param clock gives "now" and the user's zone (days, streaks, local times)
   */
  public HistoryStore(Path file, Clock clock) {
    this.file = file;
    this.pending = file.resolveSibling(file.getFileName() + ".pending");
    this.clock = clock;
    this.leases = new SessionLeases(file.resolveSibling(file.getFileName() + ".running"));
  }

  public Path file() {
    return file;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return clock.getZone();
  }

  /** Records that a session started (and marks it running until its lease is closed). */
  public void appendStart(SessionStart start) throws IOException {
    append(new HistoryLine.Started(start));
  }

  /** Records how a session ended. */
  public void appendEnd(HistoryRecord record) throws IOException {
    if (record.isInterrupted()) {
      throw new IllegalArgumentException("an interrupted session is what a missing end means");
    }
    append(new HistoryLine.Ended(record));
  }

  /**
   * Marks a session as running for as long as the returned lease is open, so that {@link #read()}
   * in another process shows it as running rather than interrupted. Best effort: never fails.
   */
  public AutoCloseable holdRunning(String sessionId) {
    return leases.hold(sessionId);
  }

  /**
   * Reads the whole history. A missing file is an empty history.
   *
   * @throws IOException only if the file exists but cannot be read
   */
  public History read() throws IOException {
    byte[] bytes = readAll();
    if (bytes == null) {
      return History.empty();
    }
    List<String> warnings = new ArrayList<>();
    Map<String, SessionStart> starts = new LinkedHashMap<>();
    // Where each session first appears: the tie-break for sessions started in the same second.
    Map<String, Integer> firstLine = new HashMap<>();
    Map<String, HistoryRecord> ends = new LinkedHashMap<>();
    String text = decoder().decode(ByteBuffer.wrap(bytes)).toString();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      boolean last = i == lines.length - 1;
      if (line.isEmpty()) {
        continue;
      }
      HistoryLine parsed;
      try {
        parsed = HistoryJson.decode(line);
      } catch (IllegalArgumentException e) {
        warnings.add(
            file
                + ":"
                + (i + 1)
                + ": "
                + (last
                    ? "skipped an incomplete last line (cut off by a crash or power loss)"
                    : "skipped a damaged line (" + e.getMessage() + ")"));
        continue;
      }
      firstLine.putIfAbsent(parsed.sessionId(), i);
      if (parsed instanceof HistoryLine.Started s) {
        starts.putIfAbsent(s.sessionId(), s.start());
      } else if (ends.putIfAbsent(parsed.sessionId(), ((HistoryLine.Ended) parsed).record())
          != null) {
        warnings.add(
            file + ":" + (i + 1) + ": skipped a second end for session " + parsed.sessionId());
      }
    }
    List<HistoryRecord> sessions = new ArrayList<>(ends.values());
    List<SessionStart> running = new ArrayList<>();
    for (SessionStart s : starts.values()) {
      if (ends.containsKey(s.sessionId())) {
        continue;
      }
      if (leases.isRunning(s.sessionId())) {
        running.add(s);
      } else {
        sessions.add(HistoryRecord.interrupted(s));
      }
    }
    sessions.sort(
        Comparator.comparing((HistoryRecord r) -> r.start().toInstant())
            .thenComparing(r -> firstLine.get(r.sessionId())));
    running.sort(
        Comparator.comparing((SessionStart s) -> s.start().toInstant())
            .thenComparing(s -> firstLine.get(s.sessionId())));
    return new History(sessions, running, warnings);
  }

  /**
   * True if a real session got past the ready question on that day (in the user's zone): any ending
   * but no-start, interrupted and still running ones included, demos ({@link
   * HistoryRecord#isDemo()}) not. Used by {@code --prep-once-a-day}.
   */
  public boolean hadSessionOn(LocalDate day) throws IOException {
    History h = read();
    return h.sessions().stream()
            .anyMatch(
                r ->
                    r.started()
                        && !r.isDemo()
                        && r.start().atZoneSameInstant(zone()).toLocalDate().equals(day))
        || h.running().stream()
            .anyMatch(s -> s.start().atZoneSameInstant(zone()).toLocalDate().equals(day));
  }

  /** Today in the user's zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Appends one line. If another program holds the file's lock for longer than {@link #LOCK_WAIT},
   * the line goes to the pending file instead, and a {@link Deferred} says so; the pending lines
   * are moved into the history, in order, by the next append that gets the lock, or by a background
   * retry as soon as the lock frees while this process lives.
   */
  private void append(HistoryLine line) throws IOException {
    byte[] record = (HistoryJson.encode(line) + "\n").getBytes(UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    RegularFiles.requireRegularOrAbsent(file);
    boolean created = !Files.exists(file);
    if (!appendLocked(record)) {
      keepPending(record);
      retryInBackground();
      throw new Deferred(
          file.getFileName()
              + " is locked by another program; the record is kept in "
              + pending
              + " and added when the lock frees");
    }
    if (created) {
      syncDirectory(dir);
    }
  }

  /** Pending lines first, then {@code record} (may be empty); false if the lock stayed taken. */
  private boolean appendLocked(byte[] record) throws IOException {
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

  /** Waits up to {@link #LOCK_WAIT} for the OS lock; null if another program kept it. */
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
  private void keepPending(byte[] record) throws IOException {
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
  private void retryInBackground() {
    Path key = file.toAbsolutePath().normalize();
    if (!RETRYING.add(key)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                while (RegularFiles.isRegular(pending) && !appendLocked(new byte[0])) {
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
   * it comes within {@link #LOCK_WAIT}; else read as it is (a line being written shows as a torn
   * last line and is skipped with a warning), so {@code history} never hangs on a held lock.
   */
  private byte[] readAll() throws IOException {
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

  /** So a new file's directory entry survives a power cut too; not possible everywhere. */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some systems cannot open a directory; the record itself is already on disk.
    }
  }

  private static CharsetDecoder decoder() {
    return UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }
}
