package dev.calmcue.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens only regular files. Opening a FIFO blocks until another program opens its other end (for
 * ever, if none does), and a device may never end; so every file calmcue reads or appends to by a
 * fixed name (history, speech cache entries, the access token) is checked with {@code stat} first,
 * which never blocks. (A file swapped for a FIFO between the check and the open is not caught: only
 * someone who can already write to the user's folders can do that.)
 */
public final class RegularFiles {
  private RegularFiles() {}

  /** True if {@code path} is a regular file (after following links); never blocks. */
  public static boolean isRegular(Path path) {
    return Files.isRegularFile(path);
  }

  /**
   * Returns normally if {@code path} is a regular file or does not exist.
   *
   * @throws FileSystemException naming what it is instead (a FIFO, a device, a folder)
   */
  public static void requireRegularOrAbsent(Path path) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return;
    }
    if (!a.isRegularFile()) {
      throw new FileSystemException(path.toString(), null, "is " + kind(path, a) + ", not a file");
    }
  }

  /**
   * Returns normally if {@code path} is a regular file.
   *
   * @throws NoSuchFileException if it does not exist
   * @throws FileSystemException naming what it is instead
   */
  public static void requireRegular(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    requireRegularOrAbsent(path);
  }

  /** The whole file, after checking that it is a regular one. */
  public static byte[] readAllBytes(Path path) throws IOException {
    requireRegular(path);
    return Files.readAllBytes(path);
  }

  private static String kind(Path path, BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a folder";
    }
    if (a.isOther()) {
      try {
        Object mode = Files.getAttribute(path, "unix:mode");
        if (mode instanceof Integer m && (m & 0170000) == 0010000) {
          return "a FIFO (named pipe)";
        }
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        // no unix view: say what we know
      }
      return "a device, FIFO or socket";
    }
    return "not a regular file";
  }
}
