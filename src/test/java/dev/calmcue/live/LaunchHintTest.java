package dev.calmcue.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchHintTest {
  @TempDir Path tmp;

  @Test
  void writtenHint_readsBackTheSame_andLeavesNoTempFile() throws Exception {
    LaunchHint h = new LaunchHint(16_000, 4_800, 40_000, new short[] {0, 1, -1, 32767, -32768, 5});
    Path file = tmp.resolve("launch/x.hint");
    h.write(file);
    assertTrue(h.sameAs(LaunchHint.read(file).orElseThrow()));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void damagedOrMissingHint_isNoHint() throws Exception {
    LaunchHint h = new LaunchHint(16_000, 0, 10, new short[] {1, 2, 3});
    Path file = tmp.resolve("x.hint");
    h.write(file);
    byte[] b = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(b, b.length - 1));
    assertTrue(LaunchHint.read(file).isEmpty());
    assertTrue(LaunchHint.read(tmp.resolve("missing.hint")).isEmpty());
    Files.writeString(file, "not a hint at all, but long enough to have a header");
    assertTrue(LaunchHint.read(file).isEmpty());
  }

  @Test
  void hintFile_dependsOnArgumentsAndPlace_andFollowsXdgCacheHome() {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", "/c");
    Path a =
        LaunchHint.fileFor(new String[] {"play", "back-massage"}, env, "/home/u", Path.of("/w"))
            .orElseThrow();
    Path b =
        LaunchHint.fileFor(
                new String[] {"play", "back-massage", "--bedtime"}, env, "/home/u", Path.of("/w"))
            .orElseThrow();
    Path c =
        LaunchHint.fileFor(new String[] {"play", "back-massage"}, env, "/home/u", Path.of("/other"))
            .orElseThrow();
    assertEquals(Path.of("/c/calmcue/launch"), a.getParent());
    assertNotEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(
        Path.of("/home/u/.cache/calmcue/launch"),
        LaunchHint.fileFor(new String[] {"play", "x"}, Map.of(), "/home/u", Path.of("/w"))
            .orElseThrow()
            .getParent());
  }
}
