package dev.calmcue.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.READ;

import dev.calmcue.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The append-only history file (JSON Lines): one line when a session starts and one when it ends.
 *
 * <p>Every append is one write of a whole line under an exclusive {@link FileLock}, then {@code
 * force(true)}, so two terminals never interleave bytes and a power cut loses at most the line
 * being written. Reading never fails on content: a torn or damaged line is skipped with a warning.
 */
public final class HistoryStore {
  /** Thrown by an append that found the file locked: the line is kept in the pending file. */
  public static final class Deferred extends IOException {
    private static final long serialVersionUID = 1L;

    Deferred(String message) {
      super(message);
    }
  }

  /**
   * How long an append or a read waits for another program's lock on the file: history must never
   * hold up a session (or {@code calmcue history}) for longer.
   */
  static final Duration LOCK_WAIT = Duration.ofSeconds(1);

  private final Path file;
  private final LockedHistoryFile locked;
  private final Clock clock;
  private final SessionLeases leases;

  /**
   * @param clock gives "now" and the user's zone (days, streaks, local times)
   */
  public HistoryStore(Path file, Clock clock) {
    this.file = file;
    this.locked = new LockedHistoryFile(file);
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
    byte[] bytes = locked.readAll();
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
    if (!locked.append(record)) {
      locked.keepPending(record);
      locked.retryInBackground();
      throw new Deferred(
          file.getFileName()
              + " is locked by another program; the record is kept in "
              + locked.pending()
              + " and added when the lock frees");
    }
    if (created) {
      syncDirectory(dir);
    }
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
