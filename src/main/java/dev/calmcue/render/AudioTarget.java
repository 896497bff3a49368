package dev.calmcue.render;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/** Where the rendered WAV goes: a file (written atomically) or a stream such as stdout. */
public sealed interface AudioTarget {
  /** A WAV file, written to a temporary file first and moved into place when complete. */
  record ToFile(Path path) implements AudioTarget {
    public ToFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /** A stream that cannot seek (stdout, a pipe): the header carries the length up front. */
  record ToStream(OutputStream out, String name) implements AudioTarget {
    public ToStream {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(name, "name");
    }
  }
}
