package dev.calmcue.cli;

import dev.calmcue.live.ServedSessions;
import dev.calmcue.remote.AccessToken;
import dev.calmcue.remote.SessionHost;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calmcue serve}: the phone remote and the always-on speaker host. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the phone remote: pick a routine, then start, pause, skip and stop the session from a"
          + " phone while this machine speaks it. One session at a time.",
      "",
      "Listens on 127.0.0.1 (this machine only) unless --bind says otherwise. Any other address"
          + " needs an access key, shown once as a link and a QR code for the phone. Ctrl-C or"
          + " SIGTERM ends a running session with its closing, then stops."
    },
    footer = {
      "",
      "Examples:",
      "  calmcue serve                             open http://127.0.0.1:8765/",
      "  calmcue serve --bind 0.0.0.0 --announce   speaker host, home network",
      "  calmcue serve --bind 0.0.0.0 --show-link  the phone link again",
      "  calmcue serve --text                      cues shown, not spoken",
      "",
      "Setting up an always-on speaker box: docs/speaker-host.md"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 = every network).")
  String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8765",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--announce",
      description = "Say \"calmcue is ready\" once listening (speaker host).")
  boolean announce;

  @Option(names = "--text", description = "Show cues as text instead of speaking them.")
  boolean text;

  @Option(
      names = "--speed",
      paramLabel = "FACTOR",
      defaultValue = "1",
      hidden = true,
      description = "Run text-mode sessions this many times faster (tests and demos).")
  double speed;

  @Option(names = "--show-link", description = "Print the phone link and QR code, then exit.")
  boolean showLink;

  @Mixin ListenOptions listen;

  @Override
  public Integer call() throws InterruptedException {
    ServeOptions options = ServeOptions.parse(bind, port, announce, text, speed, showLink);
    Path tokenFile =
        AccessToken.defaultFile(System.getenv(), Path.of(System.getProperty("user.home")));
    boolean debug = CalmcueCommand.debugRequested(spec.root().commandLine().getParseResult());
    return new ServeRunner(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            this::host,
            stop -> Runtime.getRuntime().addShutdownHook(new Thread(stop, "calmcue-serve-stop")),
            tokenFile,
            debug)
        .run(options);
  }

  /** The same routines, speech, player and history as {@code play}. */
  private SessionHost host(ServeOptions options) {
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> notes =
        line -> {
          synchronized (err) {
            err.println("calmcue serve: " + line);
            err.flush();
          }
        };
    ServedSessions host = ServedSessions.onThisMachine(options.textOnly(), options.speed(), notes);
    if (listen.listen && !options.showLink()) {
      // one microphone for the server's life; each session feeds its echo gate
      VoiceControl.forHost(host, listen.settings(), notes);
    }
    return host;
  }
}
