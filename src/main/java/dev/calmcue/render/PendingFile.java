package dev.calmcue.render;

import dev.calmcue.CalmcueException;
import dev.calmcue.files.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file written under a hidden temporary name in its target's folder (same file system) and moved
 * into place, atomically, only once it is complete and synced. Until then the real name is
 * untouched: a failure, {@link #close()} without {@link #commit()}, or Ctrl-C (a shutdown hook)
 * deletes the temporary file, so nobody ever finds half a file under the name they asked for.
 */
public final class PendingFile implements AutoCloseable {
  private final Path target;
  private final Path shown;
  private final Path temp;
  private final boolean replace;
  private final FileChannel channel;
  private final Thread cleanup;
  private boolean finished;

  private PendingFile(Path target, Path shown, Path temp, boolean replace, FileChannel channel) {
    this.target = target;
    this.shown = shown;
    this.temp = temp;
    this.replace = replace;
    this.channel = channel;
    this.cleanup = new Thread(this::discard, "calmcue-discard-" + target.getFileName());
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** A part file not written to for this long was left by a render that was killed (SIGKILL). */
  static final Duration STALE = Duration.ofMinutes(10);

  private static final Pattern PART = Pattern.compile("\\.(.+)\\.[0-9a-f-]{36}\\.part");

  /**
   * Deletes part files of {@code name} in {@code folder} that nothing has written to for {@link
   * #STALE}: a killed render cannot clean up after itself, and each can be ~100 MB. A render still
   * running writes its part all the time, so it is never taken for stale. Best effort.
   */
  static void removeStaleParts(Path folder, String name) {
    Instant before = Instant.now().minus(STALE);
    try (DirectoryStream<Path> parts =
        Files.newDirectoryStream(folder, "." + globSafe(name) + ".*.part")) {
      for (Path p : parts) {
        Matcher m = PART.matcher(p.getFileName().toString());
        if (m.matches()
            && m.group(1).equals(name)
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                .toInstant()
                .isBefore(before)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Leftovers stay; the render itself is not affected.
    }
  }

  private static String globSafe(String name) {
    return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }

  /**
   * Checks that {@code target} can be written and opens its temporary file.
   *
   * @param replace whether an existing file of that name may be replaced (--force)
   * @throws CalmcueException INPUT if the folder is missing, the name is a folder or exists and may
   *     not be replaced; RUNTIME if the folder cannot be written
   */
  public static PendingFile create(Path target, boolean replace) {
    Path absolute = target.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    if (folder == null || absolute.getFileName() == null) {
      throw CalmcueException.input(target + " is not a file name");
    }
    if (!Files.isDirectory(folder)) {
      throw CalmcueException.input(
          "cannot write " + target + ": folder " + folder + " does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw CalmcueException.input("cannot write " + target + ": it is a folder");
    }
    if (!replace && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw CalmcueException.input(target + " already exists (use --force to replace it)");
    }
    removeStaleParts(folder, absolute.getFileName().toString());
    Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      // Not Files.createTempFile: its owner-only permissions would stick to the finished file.
      FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new PendingFile(absolute, target, temp, replace, ch);
    } catch (AccessDeniedException e) {
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME,
          "cannot write " + target + ": no permission to write in " + folder,
          e);
    } catch (IOException e) {
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME, "cannot write " + target + ": " + reason(e), e);
    }
  }

  /** The file name as asked for (for messages). */
  public Path target() {
    return shown;
  }

  /** Where the bytes go until {@link #commit()}. */
  public FileChannel channel() {
    return channel;
  }

  /** Syncs the file to disk and moves it to its real name; after this, close does nothing. */
  public synchronized void commit() {
    if (finished) {
      throw new IllegalStateException(temp + " was already committed or discarded");
    }
    try {
      channel.force(true);
      channel.close();
      if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw CalmcueException.input(shown + " already exists (use --force to replace it)");
      }
      move();
      finished = true;
      syncFolder();
    } catch (IOException e) {
      throw new CalmcueException(
          CalmcueException.Kind.RUNTIME, "cannot write " + shown + ": " + reason(e), e);
    } finally {
      if (!finished) {
        discard();
      }
      forgetHook();
    }
  }

  /** Discards the temporary file unless it was committed. */
  @Override
  public void close() {
    discard();
    forgetHook();
  }

  /** One rename, so the target is never half-written; fails on a file system that cannot. */
  private void move() throws IOException {
    AtomicFile.commit(temp, target);
  }

  /**
   * Makes the rename itself durable; best effort (not every file system lets a folder be synced).
   */
  private void syncFolder() {
    try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException e) {
      // the file itself is synced and in place; losing the rename on power loss is the OS's call
    }
  }

  private synchronized void discard() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      channel.close();
    } catch (IOException e) {
      // closing a file we are about to delete: nothing to save
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // leave a hidden .part file rather than fail a cleanup
    }
  }

  private void forgetHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it does the same cleanup
    }
  }

  static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
