package dev.calmcue.remote;

import dev.calmcue.history.HistoryRecord;
import dev.calmcue.session.Command;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Passes everything to another host; tests override one method to make it fail. */
class ForwardingHost implements SessionHost {
  private final SessionHost inner;

  ForwardingHost(SessionHost inner) {
    this.inner = inner;
  }

  @Override
  public List<RoutineSummary> routines() {
    return inner.routines();
  }

  @Override
  public SessionState start(StartRequest request) {
    return inner.start(request);
  }

  @Override
  public boolean send(Command command) {
    return inner.send(command);
  }

  @Override
  public SessionState state() {
    return inner.state();
  }

  @Override
  public Subscription subscribe(Consumer<SessionUpdate> listener) {
    return inner.subscribe(listener);
  }

  @Override
  public List<HistoryRecord> history(int limit) {
    return inner.history(limit);
  }

  @Override
  public void announce(String text) {
    inner.announce(text);
  }

  @Override
  public void shutdown(Duration wait) {
    inner.shutdown(wait);
  }
}
