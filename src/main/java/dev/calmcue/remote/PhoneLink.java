package dev.calmcue.remote;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The address a phone on the same network should open, for the address the server listens on. */
public final class PhoneLink {
  private PhoneLink() {}

  /** {@code http://host:port/}, with the token appended as {@code ?token=} when given. */
  public static String url(InetAddress listening, int port, Optional<AccessToken> token) {
    InetAddress shown = listening.isAnyLocalAddress() ? lanAddress().orElse(listening) : listening;
    String host = shown.getHostAddress();
    if (shown instanceof Inet6Address) {
      int zone = host.indexOf('%');
      host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
    }
    if (shown.isAnyLocalAddress()) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port + "/" + token.map(t -> "?token=" + t.value()).orElse("");
  }

  /**
   * True if this machine owns the address (or it is the wildcard), so a server can listen on it.
   */
  public static boolean isLocal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  /** The best guess at this machine's address on the home network: a private IPv4 one if any. */
  static Optional<InetAddress> lanAddress() {
    List<InetAddress> found = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback() || nif.isPointToPoint() || nif.isVirtual()) {
          continue;
        }
        for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
          InetAddress a = ia.getAddress();
          if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            found.add(a);
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return found.stream()
        .min(
            Comparator.comparingInt((InetAddress a) -> a instanceof Inet4Address ? 0 : 1)
                .thenComparingInt(a -> a.isSiteLocalAddress() ? 0 : 1));
  }
}
