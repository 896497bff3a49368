package dev.calmcue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/calmcue, run against a stand-in {@code java} that records its environment: the class-data
 * training session runs with throw-away data, config, state and cache folders, never the user's
 * own.
 */
class LauncherScriptTest {
  @TempDir Path dir;

  @Test
  void classDataTrainingRun_neverSeesTheUsersDataFolders() throws Exception {
    Path project = dir.resolve("project");
    Files.createDirectories(project.resolve("scripts"));
    Files.createDirectories(project.resolve("target"));
    Files.copy(Path.of("scripts/calmcue"), project.resolve("scripts/calmcue"));
    Files.writeString(project.resolve("target/calmcue.jar"), "stand-in jar");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path log = dir.resolve("java.log");
    // Logs each call's arguments and XDG folders and HOME; "succeeds" without making an archive.
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "echo \"ARGS $* | DATA=$XDG_DATA_HOME CONFIG=$XDG_CONFIG_HOME STATE=$XDG_STATE_HOME"
            + " CACHE=$XDG_CACHE_HOME HOME=$HOME\" >> '"
            + log
            + "'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = Files.createDirectories(dir.resolve("home"));
    Path userData = dir.resolve("user-data");

    ProcessBuilder pb =
        new ProcessBuilder("bash", project.resolve("scripts/calmcue").toString(), "list")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_DATA_HOME", userData.toString());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("user-config").toString());
    pb.environment().put("XDG_STATE_HOME", dir.resolve("user-state").toString());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("user-cache").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "launcher hung");
    assertEquals(0, p.exitValue(), () -> read(dir.resolve("out.txt")));

    List<String> calls = Files.readAllLines(log);
    assertEquals(2, calls.size(), calls::toString);
    String training = calls.get(0);
    assertTrue(training.contains("-XX:ArchiveClassesAtExit="), training);
    for (String mine : List.of("user-data", "user-config", "user-state", "user-cache")) {
      assertFalse(training.contains(mine), () -> "training run sees " + mine + ": " + training);
    }
    assertFalse(training.contains("HOME=" + home + " "), training);
    assertFalse(training.endsWith("HOME=" + home), training);
    // The user's own command still runs with the user's folders.
    String run = calls.get(1);
    assertTrue(run.contains("DATA=" + userData + " "), run);
    assertTrue(run.endsWith("HOME=" + home), run);
    // The throw-away folders are gone again.
    String data = training.replaceAll(".*DATA=(\\S+).*", "$1");
    assertFalse(Files.exists(Path.of(data)), data);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
