package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.history.HistoryLocation;
import dev.calmcue.history.JavaProcess;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output that cannot be written (a full disk, /dev/full) is a failure of one line, exit 1. */
class OutputWriteErrorTest {
  @TempDir Path dir;

  /** Like a full disk: every write fails. */
  static final class FullDisk extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plan back-massage",
        "list",
        "show back-massage",
        "validate routines/back-massage.json",
        "voices",
        "history --json",
        "--help",
        "play --help"
      })
  void aFullDisk_isExit1_withOneLine(String command) {
    String saved = System.getProperty(HistoryLocation.DATA_HOME_PROPERTY);
    System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, dir.toString());
    StringWriter err = new StringWriter();
    int code;
    try {
      WatchedOutput out = new WatchedOutput(new FullDisk());
      code =
          Main.run(
              new PrintWriter(out.writer(), true),
              new PrintWriter(err, true),
              java.util.Optional.empty(),
              out::failure,
              command.split(" "));
    } finally {
      if (saved == null) {
        System.clearProperty(HistoryLocation.DATA_HOME_PROPERTY);
      } else {
        System.setProperty(HistoryLocation.DATA_HOME_PROPERTY, saved);
      }
    }
    assertEquals(1, code, err::toString);
    assertEquals(
        "calmcue: cannot write the output: No space left on device\n", err.toString(), command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "--help"})
  void devFull_inARealProcess_isExit1_withOneLine(String command) throws Exception {
    ProcessBuilder pb =
        JavaProcess.builder(
                Main.class.getName(), Map.of("XDG_DATA_HOME", dir.toString()), command.split(" "))
            .redirectOutput(new File("/dev/full"))
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().remove("CALMCUE_HOME");
    Process p = pb.directory(Path.of("").toAbsolutePath().toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), err);
    assertEquals("calmcue: cannot write the output: No space left on device\n", err);
  }
}
