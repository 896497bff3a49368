package dev.calmcue.cli;

import dev.calmcue.remote.AccessPolicy;
import dev.calmcue.remote.AccessToken;
import dev.calmcue.remote.PhoneLink;
import dev.calmcue.remote.RemoteServer;
import dev.calmcue.remote.RemoteSettings;
import dev.calmcue.remote.SessionHost;
import dev.calmcue.remote.TerminalQr;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs {@code calmcue serve}: the session host, the web server and the phone link, until asked to
 * stop (Ctrl-C or SIGTERM), then ends the session with its closing and closes the server.
 */
final class ServeRunner {
  /** How long a session's closing may take to be spoken when the server is stopped. */
  static final Duration CLOSING_WAIT = Duration.ofSeconds(20);

  private final PrintWriter out;
  private final PrintWriter err;
  private final Function<ServeOptions, SessionHost> hosts;
  private final Consumer<Runnable> onStopRequest;
  private final Path tokenFile;
  private final boolean debug;

  /**
   * @param onStopRequest registers what to run when the user asks to stop (a shutdown hook in
   *     {@code main}; tests call it directly)
   */
  ServeRunner(
      PrintWriter out,
      PrintWriter err,
      Function<ServeOptions, SessionHost> hosts,
      Consumer<Runnable> onStopRequest,
      Path tokenFile,
      boolean debug) {
    this.out = out;
    this.err = err;
    this.hosts = hosts;
    this.onStopRequest = onStopRequest;
    this.tokenFile = tokenFile;
    this.debug = debug;
  }

  int run(ServeOptions options) throws InterruptedException {
    Optional<AccessToken> token =
        options.loopbackOnly()
            ? Optional.empty()
            : Optional.of(AccessToken.loadOrCreate(tokenFile));
    if (options.showLink()) {
      printLink(options, options.port(), token, true);
      return ExitCodes.OK;
    }
    AccessPolicy access =
        token
            .<AccessPolicy>map(AccessPolicy.TokenRequired::new)
            .orElseGet(AccessPolicy.LocalOnly::new);
    SessionHost host = hosts.apply(options);
    host.subscribe(new SessionLog(out));
    RemoteServer server;
    try {
      server =
          RemoteServer.start(
              new InetSocketAddress(options.bind(), options.port()),
              host,
              access,
              RemoteSettings.defaults(this::note));
    } catch (RuntimeException e) {
      host.shutdown(Duration.ZERO);
      throw e;
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    onStopRequest.accept(
        () -> {
          stopRequested.countDown();
          try {
            // Let the serving thread speak the closing and close the server before the JVM goes.
            stopped.await(CLOSING_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    int port = server.address().getPort();
    printLink(options, port, token, token.map(AccessToken::created).orElse(false));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    if (options.announce()) {
      host.announce("calmcue is ready");
    }
    try {
      stopRequested.await();
      out.println(
          "calmcue serve: stopping"
              + (host.state().running() ? " (ending the session with its closing)..." : "..."));
      out.flush();
      host.shutdown(CLOSING_WAIT);
      server.close();
      out.println("calmcue serve: stopped.");
      out.flush();
    } finally {
      stopped.countDown();
    }
    return ExitCodes.OK;
  }

  private void printLink(
      ServeOptions options, int port, Optional<AccessToken> token, boolean withToken) {
    if (token.isEmpty()) {
      out.println(
          "calmcue serve: open "
              + PhoneLink.url(options.bind(), port, Optional.empty())
              + " (this machine only)");
      return;
    }
    out.println(
        "calmcue serve: listening on "
            + options.bind().getHostAddress()
            + ":"
            + port
            + " for phones on your network");
    if (withToken) {
      String link = PhoneLink.url(options.bind(), port, token);
      out.println("On your phone, scan this code or open:");
      out.println("  " + link);
      out.print(TerminalQr.render(link));
      out.println("The link carries the access key kept in " + tokenFile + ";");
      out.println("anyone with it can control calmcue. Delete that file to make a new key.");
    } else {
      out.println("  Paired phones open " + PhoneLink.url(options.bind(), port, Optional.empty()));
      out.println(
          "  To pair another phone: calmcue serve --bind "
              + options.bind().getHostAddress()
              + " --show-link");
    }
  }

  /** Internal server failures: one line on stderr, never to the phone. */
  private void note(String line) {
    err.println("calmcue serve: " + line + (debug ? "" : " (details with --debug)"));
    err.flush();
  }
}
