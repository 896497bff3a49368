package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code play --listen} end to end through PulseAudio, in a child JVM set up like scripts/calmcue
 * (see {@link VoiceRig}). Its speaker is a private null sink; its microphone is either a second
 * private null sink that the test speaks into with paplay, or the speaker's own monitor (the mic
 * hears calmcue).
 */
class VoiceEndToEndTest {
  private static final Path WORK = Path.of("target", "voice-e2e");

  @RegisterExtension
  static final VoiceRig rig =
      new VoiceRig(WORK, "calmcue_v", List.of("pause", "continue", "next", "stop"));

  @Test
  void spokenCommandsPauseResumeSkipAndStopTheSession() throws Exception {
    Path home = rig.home("play-commands");
    try (CalmcueChild c = play(home, "quiet-gaps.json", rig.mic() + ".monitor")) {
      c.await(l -> l.contains("listening ("), 180);
      // the model loads while the first instruction is spoken (before or after it is ready); then
      // nothing is due for 55 s. A command said over the instruction would be ignored, by design.
      c.awaitEver(l -> l.contains("instruction: Stroke the back"), 60);
      Thread.sleep(2500);

      rig.sayUntilHeard(c, "pause", "pause");
      c.await(l -> l.equals("calmcue: paused"), 10);
      Thread.sleep(1000);

      rig.sayUntilHeard(c, "continue", "resume");
      c.await(l -> l.equals("calmcue: resumed"), 10);
      c.await(l -> l.contains("instruction: Stroke the back"), 20); // resume says the step again
      Thread.sleep(2500);

      rig.sayUntilHeard(c, "next", "next");
      c.await(l -> l.contains("step 2/3"), 10);
      c.await(l -> l.contains("instruction: Stroke the legs"), 20);
      Thread.sleep(2500);

      rig.sayUntilHeard(c, "stop", "stop");
      c.await(l -> l.startsWith("Stopped"), 60);
      assertEquals(0, c.exit(60), c.output());
      List<String> history = Files.readAllLines(VoiceRig.history(home));
      String ended = history.get(history.size() - 1);
      assertTrue(
          ended.contains("\"type\":\"ended\"") && ended.contains("\"stoppedBy\":\"voice\""),
          "history says the voice stopped it: " + ended);
    }
  }

  @Test
  void whenTheMicrophoneHearsTheSpeakerARoutineFullOfCommandWordsRunsToItsEnd() throws Exception {
    Path home = rig.home("play-echo");
    try (CalmcueChild c = play(home, "says-commands.json", rig.speaker() + ".monitor")) {
      c.await(l -> l.contains("listening ("), 180);
      c.await(l -> l.startsWith("Session complete"), 180);
      assertEquals(0, c.exit(30), c.output());
      assertFalse(c.output().contains("heard \""), "obeyed its own voice:\n" + c.output());
      assertTrue(c.output().contains("closing: Calm cue, ready."), c.output());
    }
  }

  private static CalmcueChild play(Path home, String routine, String source) throws Exception {
    return rig.calmcue(
        home,
        source,
        "play",
        "src/test/resources/voice/" + routine,
        "--no-prep",
        "--listen",
        "--verbose");
  }
}
