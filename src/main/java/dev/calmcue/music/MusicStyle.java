package dev.calmcue.music;

import java.util.Locale;
import java.util.Optional;

/** What plays under the voice: nothing, a music-box lullaby, or a soft tick on each stroke. */
public enum MusicStyle {
  OFF,
  LULLABY,
  PULSE;

  /** The lowercase name used on the command line, in JSON and in history. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The style named {@code name} (any case), if there is one. */
  public static Optional<MusicStyle> named(String name) {
    for (MusicStyle s : values()) {
      if (s.jsonName().equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
