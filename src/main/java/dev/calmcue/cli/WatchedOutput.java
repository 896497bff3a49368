package dev.calmcue.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. A PrintWriter only says that one did, and
 * {@code System.out} not even that; a full disk or a closed pipe must be reported, not ignored.
 */
final class WatchedOutput extends FilterOutputStream {
  private volatile String failure;

  WatchedOutput(OutputStream out) {
    super(out);
  }

  /** UTF-8 text onto this stream. */
  Writer writer() {
    return new OutputStreamWriter(this, StandardCharsets.UTF_8);
  }

  /** The first write failure's message, or null if none failed. */
  String failure() {
    return failure;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw noted(e);
    }
  }

  private IOException noted(IOException e) {
    if (failure == null) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return e;
  }
}
