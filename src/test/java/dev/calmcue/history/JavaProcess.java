package dev.calmcue.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts another JVM on the test classpath: FileLock only excludes other processes. */
public final class JavaProcess {
  private JavaProcess() {}

  /** The test classpath (surefire passes it separately when it runs from a manifest-only jar). */
  public static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  public static ProcessBuilder builder(String mainClass, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    return pb;
  }

  public static Process start(Class<?> main, String... args) throws IOException {
    return builder(main.getName(), Map.of(), args)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
