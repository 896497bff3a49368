package dev.calmcue.history;

import dev.calmcue.session.SessionOutcome.Ending;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Second process for the lock test: appends records with long lines as fast as it can. */
final class AppendingProcess {
  private AppendingProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String tag = args[1];
    int count = Integer.parseInt(args[2]);
    HistoryStore store = new HistoryStore(file, Clock.systemDefaultZone());
    System.out.println("ready");
    System.out.flush();
    // Wait for the go signal so both processes write at the same time.
    System.in.read();
    for (int i = 0; i < count; i++) {
      store.appendEnd(HistoryStoreTest.bigRecord(tag, i, OffsetDateTime.now(), Ending.COMPLETED));
    }
  }
}
