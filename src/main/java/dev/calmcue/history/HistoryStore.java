package dev.calmcue.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  private final Path file;
  private final Clock clock;
  private final SessionLeases leases;

  /**
   * @param clock gives "now" and the user's zone (days, streaks, local times)
   */
  public HistoryStore(Path file, Clock clock) {
    this.file = file;
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
   * True if a real session got past the ready question on that day (in the user's zone): any
   * ending but no-start, interrupted and still running ones included, demos ({@link
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

  private void append(HistoryLine line) throws IOException {
    byte[] record = (HistoryJson.encode(line) + "\n").getBytes(UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean created = !Files.exists(file);
    ReentrantLock jvmLock = jvmLock();
    jvmLock.lock();
    // READ|WRITE with an explicit position rather than APPEND: we must look at the last byte under
    // the
    // same lock, and a second channel for reading would drop the lock when closed (see JVM_LOCKS).
    try (FileChannel ch = FileChannel.open(file, CREATE, READ, WRITE);
        FileLock lock = ch.lock()) {
      long size = ch.size();
      ByteBuffer buf;
      if (size > 0 && lastByte(ch, size) != '\n') {
        // A torn line from a crash: end it, so this record starts on a line of its own.
        buf = ByteBuffer.allocate(record.length + 1).put((byte) '\n').put(record).flip();
      } else {
        buf = ByteBuffer.wrap(record);
      }
      long at = size;
      while (buf.hasRemaining()) {
        at += ch.write(buf, at);
      }
      ch.force(true);
    } finally {
      jvmLock.unlock();
    }
    if (created) {
      syncDirectory(dir);
    }
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

  /** The whole file under a shared lock, or null if it does not exist. */
  private byte[] readAll() throws IOException {
    ReentrantLock jvmLock = jvmLock();
    jvmLock.lock();
    try (FileChannel ch = FileChannel.open(file, READ);
        FileLock lock = ch.lock(0, Long.MAX_VALUE, true)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new IOException("history file is too large to read (" + size + " bytes)");
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) {
        // keep reading: one read may return fewer bytes than asked
      }
      return buf.array();
    } catch (NoSuchFileException e) {
      return null;
    } finally {
      jvmLock.unlock();
    }
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
