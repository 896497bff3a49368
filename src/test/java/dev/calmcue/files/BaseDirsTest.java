package dev.calmcue.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseDirsTest {
  private static final Path PASSWD_HOME = Path.of("/home/passwd");

  @Test
  void defaultsLiveUnderHome_whichIsDollarHome_notThePasswordDatabasesHome() {
    BaseDirs d = BaseDirs.of(Map.of("HOME", "/home/set"), PASSWD_HOME);
    assertEquals(Path.of("/home/set/.local/share/calmcue"), d.data());
    assertEquals(Path.of("/home/set/.config/calmcue"), d.config());
    assertEquals(Path.of("/home/set/.cache/calmcue"), d.cache());
    assertEquals(List.of(), d.warnings());
  }

  @Test
  void withoutHome_theFallbackHomeIsUsed() {
    BaseDirs d = BaseDirs.of(Map.of(), PASSWD_HOME);
    assertEquals(Path.of("/home/passwd/.cache/calmcue"), d.cache());
    assertEquals(List.of(), d.warnings(), "an unset variable is no mistake");
  }

  @Test
  void absoluteXdgVariablesWin() {
    BaseDirs d =
        BaseDirs.of(
            Map.of("XDG_DATA_HOME", "/d", "XDG_CONFIG_HOME", "/c", "XDG_CACHE_HOME", "/k"),
            PASSWD_HOME);
    assertEquals(Path.of("/d/calmcue"), d.data());
    assertEquals(Path.of("/c/calmcue"), d.config());
    assertEquals(Path.of("/k/calmcue"), d.cache());
  }

  @Test
  void aRelativeXdgPath_isIgnoredWithAWarning_andAnEmptyOneSilently() {
    BaseDirs d =
        BaseDirs.of(
            Map.of("HOME", "/h", "XDG_DATA_HOME", "rel/data", "XDG_CACHE_HOME", ""), PASSWD_HOME);
    assertEquals(Path.of("/h/.local/share/calmcue"), d.data());
    assertEquals(Path.of("/h/.cache/calmcue"), d.cache());
    assertEquals(1, d.warnings().size());
    assertTrue(d.warnings().get(0).startsWith("XDG_DATA_HOME=rel/data"), d.warnings().get(0));
  }

  @Test
  void atomicWrite_replacesTheWholeFile_andLeavesNoTemporaryFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("sub/f.bin");
    AtomicFile.write(file, new byte[] {1, 2, 3});
    AtomicFile.write(file, new byte[] {4});
    assertEquals(1, Files.readAllBytes(file).length);
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList());
    }
  }
}
