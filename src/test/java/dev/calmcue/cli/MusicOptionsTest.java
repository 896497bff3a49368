package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.music.MusicSettings;
import dev.calmcue.music.MusicStyle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How --music, --music-volume and --bedtime decide the music of a session. */
class MusicOptionsTest {
  private static MusicSettings music(String... args) {
    RenderCommand command = new RenderCommand();
    new CommandLine(command).parseArgs(args);
    return command.session.settings(false).music();
  }

  @Test
  void noMusicUnlessAskedFor() {
    assertEquals(MusicStyle.OFF, music("r", "-o", "x.wav").style());
  }

  @Test
  void bedtimeBringsTheLullaby() {
    assertEquals(MusicStyle.LULLABY, music("r", "-o", "x.wav", "--bedtime").style());
  }

  @Test
  void musicOffWinsOverBedtime() {
    assertEquals(MusicStyle.OFF, music("r", "-o", "x.wav", "--bedtime", "--music", "off").style());
  }

  @Test
  void styleAndVolumeAsGiven_inAnyCase() {
    assertEquals(
        new MusicSettings(MusicStyle.PULSE, 35),
        music("r", "-o", "x.wav", "--music", "Pulse", "--music-volume", "35"));
  }

  @Test
  void volumeDefaultsToSixty() {
    assertEquals(60, music("r", "-o", "x.wav", "--music", "lullaby").volumePercent());
  }
}
