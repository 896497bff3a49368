package dev.calmcue.cli;

import dev.calmcue.CalmcueException;
import dev.calmcue.remote.PhoneLink;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What {@code calmcue serve} was asked for, checked once.
 *
 * @param speed how much faster than real time sessions run (text mode only; for tests and demos)
 */
record ServeOptions(
    InetAddress bind,
    int port,
    boolean announce,
    boolean textOnly,
    double speed,
    boolean showLink) {

  /** Turns the raw flags into options, or a one-line usage error naming the flag. */
  static ServeOptions parse(
      String bind, int port, boolean announce, boolean textOnly, double speed, boolean showLink) {
    if (port < 0 || port > 65535) {
      throw CalmcueException.input(
          "--port " + port + ": must be from 1 to 65535 (0 picks a free one)");
    }
    if (showLink && port == 0) {
      // No server runs to pick the port, and a link to port 0 opens nothing.
      throw CalmcueException.input(
          "--show-link --port 0: give the port serve listens on (0 picks a new one each start)");
    }
    if (!(speed >= 1 && speed <= 1000)) {
      throw CalmcueException.input("--speed " + speed + ": must be from 1 to 1000");
    }
    if (speed != 1 && !textOnly) {
      throw CalmcueException.input(
          "--speed only works with --text (spoken sessions run in real time)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind.strip());
    } catch (UnknownHostException | SecurityException e) {
      throw CalmcueException.input("--bind '" + bind + "': not an address or a known host name");
    }
    if (bind.isBlank() || !PhoneLink.isLocal(address)) {
      throw CalmcueException.input(
          "--bind '" + bind + "': not an address of this machine (try 127.0.0.1 or 0.0.0.0)");
    }
    return new ServeOptions(address, port, announce, textOnly, speed, showLink);
  }

  /** Only this machine can connect, so no token is needed. */
  boolean loopbackOnly() {
    return bind.isLoopbackAddress();
  }
}
