package dev.calmcue.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingFileTest {
  @TempDir Path dir;

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commit_movesTheCompleteFileIntoPlace() throws Exception {
    Path target = dir.resolve("s.wav");
    try (PendingFile f = PendingFile.create(target, false)) {
      f.channel().write(ByteBuffer.wrap("whole".getBytes(StandardCharsets.UTF_8)));
      assertEquals(List.of(), names().stream().filter(n -> n.equals("s.wav")).toList());
      f.commit();
    }
    assertEquals("whole", Files.readString(target));
    assertEquals(List.of("s.wav"), names());
  }

  @Test
  void finishedFile_getsTheUsualPermissions_notTempFileOnes() throws Exception {
    Path target = dir.resolve("s.wav");
    try (PendingFile f = PendingFile.create(target, false)) {
      f.commit();
    }
    String perms =
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(target));
    assertNotEquals("rw-------", perms, "others may read it, as with any file the user saves");
  }

  /** A child JVM holds a pending file and is then stopped (SIGTERM, like Ctrl-C's SIGINT). */
  @Test
  void stoppedProcess_leavesNoTemporaryFile() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldPendingFile.class.getName(),
                dir.resolve("s.wav").toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", out.readLine());
      assertEquals(1, names().size(), "the temporary file exists while writing");
      assertTrue(names().get(0).startsWith(".s.wav."));
      child.destroy();
      child.waitFor();
    }
    assertEquals(List.of(), names());
  }

  /** Opens a pending file, says so, and waits to be killed. */
  static final class HoldPendingFile {
    public static void main(String[] args) throws Exception {
      PendingFile f = PendingFile.create(Path.of(args[0]), false);
      f.channel().write(ByteBuffer.wrap(new byte[1000]));
      System.out.println("writing");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
