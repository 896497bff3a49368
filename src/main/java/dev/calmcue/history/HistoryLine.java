package dev.calmcue.history;

/** One line of the history file: a session started, or a session ended (carrying everything). */
sealed interface HistoryLine {
  String sessionId();

  record Started(SessionStart start) implements HistoryLine {
    @Override
    public String sessionId() {
      return start.sessionId();
    }
  }

  record Ended(HistoryRecord record) implements HistoryLine {
    @Override
    public String sessionId() {
      return record.sessionId();
    }
  }
}
