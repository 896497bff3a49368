package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PhoneLinkTest {
  private static final AccessToken TOKEN =
      AccessToken.of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");

  @Test
  void a_specific_address_is_used_as_given_with_the_token_when_there_is_one() throws Exception {
    InetAddress a = InetAddress.getByName("127.0.0.1");
    assertEquals("http://127.0.0.1:8765/", PhoneLink.url(a, 8765, Optional.empty()));
    assertEquals(
        "http://127.0.0.1:9000/?token=" + TOKEN.value(),
        PhoneLink.url(a, 9000, Optional.of(TOKEN)));
  }

  @Test
  void ipv6_addresses_are_bracketed() throws Exception {
    assertEquals(
        "http://[0:0:0:0:0:0:0:1]:8765/",
        PhoneLink.url(InetAddress.getByName("::1"), 8765, Optional.empty()));
  }

  @Test
  void the_wildcard_becomes_an_address_a_phone_can_reach() throws Exception {
    String url = PhoneLink.url(InetAddress.getByName("0.0.0.0"), 8765, Optional.empty());
    assertFalse(url.contains("0.0.0.0"), url);
    assertTrue(url.matches("http://[^/]+:8765/"), url);
  }

  @Test
  void only_this_machines_addresses_are_local() throws Exception {
    assertTrue(PhoneLink.isLocal(InetAddress.getByName("0.0.0.0")));
    assertTrue(PhoneLink.isLocal(InetAddress.getByName("127.0.0.1")));
    assertFalse(PhoneLink.isLocal(InetAddress.getByName("203.0.113.7")));
  }
}
