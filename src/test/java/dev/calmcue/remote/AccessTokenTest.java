package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessTokenTest {
  @TempDir Path dir;

  @Test
  void first_use_makes_32_random_bytes_readable_by_the_owner_only() throws Exception {
    Path file = dir.resolve("calmcue").resolve("token");
    AccessToken token = AccessToken.loadOrCreate(file);
    assertTrue(token.created());
    assertEquals(32, Base64.getUrlDecoder().decode(token.value()).length);
    assertEquals(token.value() + "\n", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertEquals(1, left.count(), "no temp file left behind");
    }
  }

  @Test
  void later_uses_read_the_same_token_and_do_not_show_it_again() {
    Path file = dir.resolve("token");
    AccessToken first = AccessToken.loadOrCreate(file);
    AccessToken again = AccessToken.loadOrCreate(file);
    assertFalse(again.created());
    assertEquals(first.value(), again.value());
  }

  @Test
  void two_machines_get_different_tokens() {
    assertNotEquals(
        AccessToken.loadOrCreate(dir.resolve("a")).value(),
        AccessToken.loadOrCreate(dir.resolve("b")).value());
  }

  @Test
  void a_damaged_token_file_is_one_clear_line_and_is_not_overwritten() throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "not a token");
    var e = assertThrows(CalmcueException.class, () -> AccessToken.loadOrCreate(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals("not a token", Files.readString(file));
  }

  @Test
  void a_token_file_other_users_can_read_or_change_is_refused_in_one_line() throws Exception {
    Path file = dir.resolve("token");
    String token = AccessToken.loadOrCreate(file).value();
    for (String mode : new String[] {"rw-r--r--", "rw--w--w-", "rw-rw----"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      var e = assertThrows(CalmcueException.class, () -> AccessToken.loadOrCreate(file), mode);
      assertEquals(CalmcueException.Kind.RUNTIME, e.kind());
      assertEquals(
          "the token file "
              + file
              + " can be read or changed by other users (mode "
              + mode
              + "); run 'chmod 600 "
              + file
              + "', or delete it to make a new token",
          e.getMessage());
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals(token, AccessToken.loadOrCreate(file).value());
  }

  @Test
  void a_fifo_or_a_binary_file_in_place_of_the_token_is_one_clear_line() throws Exception {
    Path fifo = dir.resolve("fifo-token");
    assertEquals(0, new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start().waitFor());
    var e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> assertThrows(CalmcueException.class, () -> AccessToken.loadOrCreate(fifo)));
    assertTrue(e.getMessage().contains("is a FIFO (named pipe), not a file"), e.getMessage());

    Path binary = dir.resolve("binary-token");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rw-------"));
    var b = assertThrows(CalmcueException.class, () -> AccessToken.loadOrCreate(binary));
    assertEquals(
        "the token in " + binary + " is damaged; delete the file to make a new one",
        b.getMessage());
  }

  @Test
  void only_the_exact_token_matches() {
    AccessToken token = AccessToken.of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
    assertTrue(token.matches("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"));
    assertFalse(token.matches("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPq"));
    assertFalse(token.matches("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"));
    assertFalse(token.matches(""));
    assertFalse(token.matches(null));
    assertFalse(token.toString().contains("abc"), "never printed by accident");
  }

  @Test
  void the_token_lives_in_the_xdg_config_folder_or_else_dot_config() {
    Path home = Path.of("/home/parent");
    assertEquals(
        Path.of("/cfg/calmcue/token"),
        AccessToken.defaultFile(Map.of("XDG_CONFIG_HOME", "/cfg"), home));
    assertEquals(
        Path.of("/home/parent/.config/calmcue/token"), AccessToken.defaultFile(Map.of(), home));
    assertEquals(
        Path.of("/home/parent/.config/calmcue/token"),
        AccessToken.defaultFile(Map.of("XDG_CONFIG_HOME", "relative"), home),
        "relative XDG paths are ignored");
  }
}
