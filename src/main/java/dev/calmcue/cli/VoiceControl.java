package dev.calmcue.cli;

import dev.calmcue.live.LiveSession;
import dev.calmcue.live.ServedSessions;
import dev.calmcue.plan.Control;
import dev.calmcue.session.Command;
import dev.calmcue.session.ControlSource;
import dev.calmcue.voice.AckMixer;
import dev.calmcue.voice.BandCheck;
import dev.calmcue.voice.EchoGate;
import dev.calmcue.voice.Hypothesis;
import dev.calmcue.voice.ListenSettings;
import dev.calmcue.voice.SpokenCommand;
import dev.calmcue.voice.VoiceListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Spoken commands for a live session: starts the listener, hands each command to the session as
 * {@link ControlSource#VOICE} (the same command a key or the phone sends), acknowledges it with a
 * soft blip mixed into the session's sound, and feeds the echo gate from every session it is
 * attached to.
 */
final class VoiceControl implements AutoCloseable {
  private final EchoGate gate;
  private final VoiceListener listener;
  private volatile AckMixer ack;

  /**
   * @param send hands a command to the session; false when no session takes it (then no blip)
   * @param notes one line each: listening, heard, unavailable
   * @param off voice commands went away (no microphone, no model)
   */
  private VoiceControl(
      ListenSettings settings, Predicate<Command> send, Consumer<String> notes, Runnable off) {
    this.gate = new EchoGate(settings.echoLatency(), settings.echoTail());
    this.listener =
        VoiceListener.microphone(
            settings,
            gate,
            new VoiceListener.Events() {
              @Override
              public void listening(Duration took, String source) {
                notes.accept(
                    "listening ("
                        + source
                        + "); say \""
                        + (settings.wakeWord() ? "calm cue, " : "")
                        + "pause\"");
              }

              @Override
              public void command(SpokenCommand c, Hypothesis heard, Duration latency) {
                if (send.test(toCommand(c))) {
                  AckMixer a = ack;
                  if (a != null) {
                    // heard at once, even over speech; stop then acts, with no "are you sure"
                    a.play();
                  }
                  notes.accept("heard \"" + c.name().toLowerCase(Locale.ROOT) + "\"");
                }
              }

              @Override
              public void narrowBand() {
                notes.accept("warning: " + BandCheck.WARNING);
              }

              @Override
              public void unavailable(String why) {
                notes.accept("warning: voice commands are off: " + why);
                off.run();
              }
            });
  }

  /** What the spoken script names for these settings ("say: calm cue, ready"). */
  static Control control(ListenSettings settings) {
    return settings.wakeWord() ? Control.VOICE : Control.VOICE_NO_WAKE_WORD;
  }

  /** Listens for {@code session} (play --listen). */
  static VoiceControl forSession(
      LiveSession session, ListenSettings settings, PrintWriter err, Runnable off) {
    VoiceControl v =
        new VoiceControl(
            settings,
            c -> {
              session.submit(c, ControlSource.VOICE);
              return true;
            },
            line -> {
              synchronized (err) {
                err.println("calmcue: " + line);
                err.flush();
              }
            },
            off);
    v.attach(session);
    v.listener.start();
    return v;
  }

  /**
   * Listens for whichever session {@code host} is running (serve --listen): each session names the
   * voice in its spoken script while listening works, and is attached as it starts.
   */
  static VoiceControl forHost(
      ServedSessions host, ListenSettings settings, Consumer<String> notes) {
    host.offerControls(Set.of(control(settings)));
    VoiceControl v =
        new VoiceControl(
            settings,
            c -> host.send(c, ControlSource.VOICE),
            notes,
            () -> host.offerControls(Set.of()));
    host.onSessionStarting(v::attach);
    v.listener.start();
    return v;
  }

  /**
   * Mixes the acknowledgement into {@code session}'s sound and feeds the echo gate from it: the
   * gate is added last, so it sees the blip too.
   */
  void attach(LiveSession session) {
    AckMixer a = new AckMixer(session.sampleRate());
    session.addMixer(a);
    session.addMixer(new EchoGate.PlaybackTap(gate, session.sampleRate()));
    ack = a;
  }

  static Command toCommand(SpokenCommand c) {
    return switch (c) {
      case READY -> Command.READY;
      case PAUSE -> Command.PAUSE;
      case RESUME -> Command.RESUME;
      case NEXT -> Command.NEXT;
      case REPEAT -> Command.REPEAT;
      case STOP -> Command.STOP;
      case FUSSY -> Command.FUSSY;
    };
  }

  @Override
  public void close() {
    listener.close();
  }
}
