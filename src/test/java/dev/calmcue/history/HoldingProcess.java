package dev.calmcue.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;

/** A session that starts and then plays "forever": until the test kills it. */
final class HoldingProcess {
  private HoldingProcess() {}

  public static void main(String[] args) throws Exception {
    HistoryStore store = new HistoryStore(Path.of(args[0]), Clock.systemDefaultZone());
    HistoryRecorder.start(
        store, Sessions.start("held", OffsetDateTime.now()), w -> System.err.println(w));
    System.out.println("started");
    System.out.flush();
    System.in.read();
  }
}
