package dev.calmcue.live;

import dev.calmcue.history.HistoryStore;
import dev.calmcue.session.SessionSettings;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * {@code play --prep-once-a-day}: the preparation and safety notes are spoken in the first session
 * of the day only. History tells whether a session already started today; if it cannot be read, the
 * preparation is spoken (hearing it twice costs less than missing it).
 */
public final class PrepOnceADay {
  private PrepOnceADay() {}

  /**
   * The settings with preparation off if a session already started today, else unchanged.
   *
   * @param warnings one line if history could not be read
   */
  public static SessionSettings apply(
      SessionSettings settings, HistoryStore history, Consumer<String> warnings) {
    if (!settings.plan().speakPreparation()) {
      return settings;
    }
    boolean alreadyToday;
    try {
      alreadyToday = history.hadSessionOn(history.today());
    } catch (IOException e) {
      warnings.accept(
          "could not read session history ("
              + history.file()
              + ": "
              + e.getMessage()
              + "); speaking the preparation");
      return settings;
    }
    if (!alreadyToday) {
      return settings;
    }
    return new SessionSettings(
        settings.plan().withSpeakPreparation(false),
        settings.speech(),
        settings.volumePercent(),
        settings.music());
  }
}
