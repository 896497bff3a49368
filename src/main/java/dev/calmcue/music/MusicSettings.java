package dev.calmcue.music;

import java.util.Objects;

/**
 * The music bed a session asks for.
 *
 * @param volumePercent loudness of the music relative to the voice, 0..100 (the voice's own volume
 *     scales both)
 */
public record MusicSettings(MusicStyle style, int volumePercent) {
  public static final int DEFAULT_VOLUME = 60;
  public static final MusicSettings OFF = new MusicSettings(MusicStyle.OFF, DEFAULT_VOLUME);

  public MusicSettings {
    Objects.requireNonNull(style, "style");
    if (volumePercent < 0 || volumePercent > 100) {
      throw new IllegalArgumentException("music volume must be 0..100, got " + volumePercent);
    }
  }

  public boolean on() {
    return style != MusicStyle.OFF && volumePercent > 0;
  }
}
