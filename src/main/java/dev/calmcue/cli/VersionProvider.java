package dev.calmcue.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by Maven), so it is never out of step with the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "calmcue " + (v == null ? "dev" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
