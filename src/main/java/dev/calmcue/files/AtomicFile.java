package dev.calmcue.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the bytes go to a
 * temporary file beside the target, which is then renamed over it in one step. Where the file
 * system cannot rename atomically the write fails ({@link
 * java.nio.file.AtomicMoveNotSupportedException}) rather than leave a moment with a half-written or
 * missing file: callers decide whether that is worth a message.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** A new empty temporary file in the target's folder (created if missing), named after it. */
  public static Path tempBeside(Path target, FileAttribute<?>... attributes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
  }

  /**
   * Renames {@code temp} (made by {@link #tempBeside}) over {@code target} in one step, replacing
   * what was there.
   *
   * @throws java.nio.file.AtomicMoveNotSupportedException if the file system cannot do it in one
   */
  public static void commit(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes {@code bytes} to {@code target} in one step; the temporary file never stays behind. */
  public static void write(Path target, byte[] bytes, FileAttribute<?>... attributes)
      throws IOException {
    Path temp = tempBeside(target, attributes);
    try {
      Files.write(temp, bytes);
      commit(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
