package dev.calmcue.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part files a killed render left behind are cleaned by the next render to that name. */
class StalePartsTest {
  @TempDir Path dir;

  Path part(String name, Duration age) throws Exception {
    Path p = dir.resolve("." + name + "." + UUID.randomUUID() + ".part");
    Files.write(p, new byte[1000]);
    Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
    return p;
  }

  @Test
  void theNextRender_removesStalePartsOfItsName_only() throws Exception {
    Path stale = part("session.wav", Duration.ofHours(2));
    Path live = part("session.wav", Duration.ofSeconds(5)); // another render still writing it
    Path other = part("other.wav", Duration.ofHours(2));

    try (PendingFile f = PendingFile.create(dir.resolve("session.wav"), false)) {
      f.commit();
    }

    assertFalse(Files.exists(stale), "stale part of session.wav");
    assertTrue(Files.exists(live), "a part still being written is kept");
    assertTrue(Files.exists(other), "another name's parts are left to its own next render");
    assertTrue(Files.exists(dir.resolve("session.wav")));
  }
}
