package dev.calmcue.cli;

import dev.calmcue.session.Command;
import dev.calmcue.session.SessionPlayer;
import dev.calmcue.voice.AckSound;
import dev.calmcue.voice.EchoGate;
import dev.calmcue.voice.Hypothesis;
import dev.calmcue.voice.ListenSettings;
import dev.calmcue.voice.SpokenCommand;
import dev.calmcue.voice.VoiceListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Spoken commands for a live session: starts the listener, hands each command to the session (the
 * same command a key or the phone sends), acknowledges it with a soft blip through the player, and
 * feeds the echo gate from every player it is attached to.
 */
final class VoiceControl implements AutoCloseable {
  private final EchoGate gate;
  private final VoiceListener listener;
  private volatile SessionPlayer player;

  /**
   * @param send hands a command to the session; false when no session takes it (then no blip)
   * @param notes one line each: listening, heard, unavailable
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
                notes.accept("listening (" + source + "); say \"" + (settings.wakeWord() ? "calm cue, " : "") + "pause\"");
              }

              @Override
              public void command(SpokenCommand c, Hypothesis heard, Duration latency) {
                if (send.test(toCommand(c))) {
                  SessionPlayer p = player;
                  if (p != null) {
                    // heard at once, even over speech; stop then acts, with no "are you sure"
                    p.overlay(AckSound.generate(p.sampleRate()).samples());
                  }
                  notes.accept("heard \"" + c.name().toLowerCase(Locale.ROOT) + "\"");
                }
              }

              @Override
              public void unavailable(String why) {
                notes.accept("warning: voice commands are off: " + why);
                off.run();
              }
            });
  }

  /** Listens for the session of {@code player}. */
  static VoiceControl forPlayer(
      SessionPlayer player, ListenSettings settings, PrintWriter err, Runnable off) {
    VoiceControl v =
        new VoiceControl(
            settings,
            c -> {
              player.submit(c);
              return true;
            },
            line -> {
              synchronized (err) {
                err.println("calmcue: " + line);
                err.flush();
              }
            },
            off);
    v.attach(player);
    v.listener.start();
    return v;
  }

  /** Listens for whichever session {@code send} reaches (serve); attach each player as it starts. */
  static VoiceControl forHost(Predicate<Command> send, ListenSettings settings, Consumer<String> notes) {
    VoiceControl v = new VoiceControl(settings, send, notes, () -> {});
    v.listener.start();
    return v;
  }

  /** Feeds the echo gate from {@code p}'s output and acknowledges through it. */
  void attach(SessionPlayer p) {
    p.setOutputTap(new EchoGate.PlaybackTap(gate, p.sampleRate())::written);
    player = p;
  }

  static Command toCommand(SpokenCommand c) {
    return switch (c) {
      case READY -> new Command.Ready();
      case PAUSE -> new Command.Pause();
      case RESUME -> new Command.Resume();
      case NEXT -> new Command.Next();
      case REPEAT -> new Command.Repeat();
      case STOP -> new Command.Stop();
      case FUSSY -> new Command.Fussy();
    };
  }

  @Override
  public void close() {
    listener.close();
  }
}
