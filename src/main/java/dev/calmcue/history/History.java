package dev.calmcue.history;

import java.util.List;

/**
 * What the history file holds, as read.
 *
 * @param sessions every session that ended, plus interrupted ones (started, never ended, no longer
 *     running), in order of start time
 * @param running sessions that started and are still playing right now (another terminal)
 * @param warnings one line per line of the file that was skipped, {@code file:line: why}
 */
public record History(
    List<HistoryRecord> sessions, List<SessionStart> running, List<String> warnings) {
  public History {
    sessions = List.copyOf(sessions);
    running = List.copyOf(running);
    warnings = List.copyOf(warnings);
  }

  public static History empty() {
    return new History(List.of(), List.of(), List.of());
  }
}
