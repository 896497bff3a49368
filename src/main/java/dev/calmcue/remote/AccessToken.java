package dev.calmcue.remote;

import dev.calmcue.files.AtomicFile;
import dev.calmcue.files.BaseDirs;
import dev.calmcue.CalmcueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secret a phone must present when the server listens beyond this machine: 32 random bytes,
 * base64url, kept in the user's config folder readable by the user only.
 */
public final class AccessToken {
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final byte[] value;
  private final boolean created;

  private AccessToken(String value, boolean created) {
    this.value = value.getBytes(StandardCharsets.US_ASCII);
    this.created = created;
  }

  /** A token for tests and callers that do not keep it anywhere. */
  public static AccessToken of(String value) {
    Objects.requireNonNull(value, "value");
    return new AccessToken(value, false);
  }

  /**
   * Reads the token from {@code file}, or makes a new one there (temp file, then atomic move, mode
   * 0600) when it is missing.
   */
  public static AccessToken loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!WELL_FORMED.matcher(text).matches()) {
          throw new CalmcueException(
              CalmcueException.Kind.RUNTIME,
              "the token in " + file + " is damaged; delete the file to make a new one");
        }
        return new AccessToken(text, false);
      }
      String fresh = generate();
      AtomicFile.write(
          file,
          (fresh + "\n").getBytes(StandardCharsets.US_ASCII),
          PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      return new AccessToken(fresh, true);
    } catch (FileAlreadyExistsException e) {
      return loadOrCreate(file); // another serve made it at the same moment: use theirs
    } catch (IOException e) {
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME, "cannot keep the access token in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where the token lives: $XDG_CONFIG_HOME/calmcue/token, else ~/.config/calmcue/token. */
  public static Path defaultFile(Map<String, String> env, Path home) {
    return BaseDirs.of(env, home).config().resolve("token");
  }


  /** Compares in constant time, so response timing tells an attacker nothing about the prefix. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.US_ASCII));
  }

  /** True when this call made the token (so it is shown to the user once). */
  public boolean created() {
    return created;
  }

  /** The token itself, for the phone link only. */
  public String value() {
    return new String(value, StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "AccessToken[hidden]";
  }

  private static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
