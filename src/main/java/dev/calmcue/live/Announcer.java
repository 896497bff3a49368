package dev.calmcue.live;

import dev.calmcue.audio.AudioFailure;
import dev.calmcue.audio.AudioSink;
import dev.calmcue.audio.Volume;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechSettings;

/** Speaks a host's announcement on this machine's speaker, outside any session. */
final class Announcer {
  private Announcer() {}

  /** Says {@code text} once; when it cannot be synthesized or heard, a note says why. */
  static void speak(ServedSessions.Wiring wiring, String text) {
    if (wiring.textOnly()) {
      wiring.notes().accept(text + " (text mode: nothing spoken)");
      return;
    }
    Pcm pcm;
    try (SpeechEngine engine = wiring.engines().apply(SpeechSettings.defaults())) {
      pcm = new Volume(SessionSettings.DEFAULT_VOLUME).apply(engine.synthesize(text));
    } catch (RuntimeException e) {
      wiring.notes().accept("could not say \"" + text + "\": " + ServedSessions.oneLine(e));
      return;
    }
    try {
      AudioSink sink = wiring.speaker().apply(pcm.sampleRate());
      try {
        // A little silence first, so a sleeping Bluetooth or HDMI speaker is awake for the words.
        short[] wake =
            new short[(int) (pcm.sampleRate() * wiring.player().preroll().toMillis() / 1000)];
        sink.write(wake, 0, wake.length);
        sink.write(pcm.samples(), 0, pcm.samples().length);
        sink.drain();
      } finally {
        sink.close();
      }
    } catch (AudioFailure e) {
      wiring.notes().accept(text + " (no sound: " + e.getMessage() + ")");
    }
  }
}
