package dev.calmcue.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calmcue.music.MusicSettings;
import dev.calmcue.music.MusicStyle;
import dev.calmcue.plan.PlanOptions;
import dev.calmcue.plan.PromptAmount;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechSettings;
import org.junit.jupiter.api.Test;

class RecordedSettingsTest {
  @Test
  void aSessionRecords_itsMusicChoice_andItsPromptAmount() {
    SessionSettings s =
        new SessionSettings(
                PlanOptions.defaults().withPrompts(PromptAmount.FEW), SpeechSettings.defaults(), 55)
            .withMusic(new MusicSettings(MusicStyle.PULSE, 35));

    RecordedSettings r = RecordedSettings.of(s, false);

    assertEquals("pulse", r.music());
    assertEquals(35, r.musicVolumePercent());
    assertEquals(PromptAmount.FEW, r.prompts());
  }

  @Test
  void aSessionWithoutMusic_recordsMusicOff_andEveryPrompt() {
    RecordedSettings r =
        RecordedSettings.of(
            new SessionSettings(PlanOptions.defaults(), SpeechSettings.defaults(), 80), true);

    assertEquals("off", r.music());
    assertEquals(PromptAmount.NORMAL, r.prompts());
  }
}
