package dev.calmcue.history;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;

/** Another program (a backup tool, an editor) holding a lock on a file until stdin closes. */
final class LockingProcess {
  private LockingProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel ch = FileChannel.open(file, CREATE, READ, WRITE);
        FileLock lock = ch.lock()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }
}
