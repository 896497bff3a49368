package dev.calmcue.remote;

import dev.calmcue.CalmcueException;
import dev.calmcue.files.AtomicFile;
import dev.calmcue.files.BaseDirs;
import dev.calmcue.files.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
        RegularFiles.requireRegular(file);
        refuseIfOthersCanUse(file);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).strip();
        if (bytes.length > 1024 || !WELL_FORMED.matcher(text).matches()) {
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
      String why =
          e instanceof FileSystemException f && f.getReason() != null
              ? f.getReason()
              : e.getMessage();
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME, "cannot keep the access token in " + file + ": " + why, e);
    }
  }

  /**
   * Anyone who can read the token can use the remote; anyone who can change it can lock the owner
   * out. Refused rather than fixed: a token others could read may already be known to them.
   */
  private static void refuseIfOthersCanUse(Path file) throws IOException {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return; // no POSIX modes here (the folder's own access rules apply)
    }
    if (!OWNER_ONLY.containsAll(mode)) {
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME,
          "the token file "
              + file
              + " can be read or changed by other users (mode "
              + PosixFilePermissions.toString(mode)
              + "); run 'chmod 600 "
              + file
              + "', or delete it to make a new token");
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
