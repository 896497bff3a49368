package dev.calmcue.routine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads routine files strictly: size, encoding, JSON syntax, then every rule of format version 1.
 * Problems name the file as the caller gave it, with line:column and JSON path.
 */
public final class RoutineLoader {
  /**
   * Real routines are a few kilobytes; this keeps a wrong file (a video, a log) from being read.
   */
  public static final long MAX_BYTES = 1024 * 1024;

  private static final Comparator<Problem> BY_PLACE =
      Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

  /** A valid routine from {@code file}, or a {@link RoutineException} with every problem. */
  public Routine load(Path file) {
    return load(file, readFile(file));
  }

  /** A valid routine and its spoken texts with their places in the file (for speech checks). */
  public record Located(Routine routine, List<SpokenText> texts) {}

  /** Like {@link #load(Path)}, with every spoken text and where it is written. */
  public Located loadLocated(Path file) {
    Parsed p = parse(file, readFile(file));
    return new Located(p.routine(), SpokenTexts.of(p.root(), p.source(), p.routine()));
  }

  /** Every problem with {@code file}, in file order; empty when it is a valid routine. */
  public List<Problem> check(Path file) {
    try {
      load(file);
      return List.of();
    } catch (RoutineException e) {
      return e.problems();
    }
  }

  /**
   * A valid routine read from {@code in} (for routines bundled in the jar); {@code displayName} is
   * what problems call it. The stream is read to the end (at most {@link #MAX_BYTES}) but not
   * closed.
   */
  public Routine load(InputStream in, String displayName) {
    Path name = Path.of(displayName);
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    } catch (IOException e) {
      throw single(name, "cannot read it: " + reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw single(name, "too big for a routine file (more than " + MAX_BYTES / 1024 + " KiB)");
    }
    return load(name, bytes);
  }

  /** Every problem with the routine in {@code in}; empty when it is valid. */
  public List<Problem> check(InputStream in, String displayName) {
    try {
      load(in, displayName);
      return List.of();
    } catch (RoutineException e) {
      return e.problems();
    }
  }

  private Routine load(Path name, byte[] bytes) {
    return parse(name, bytes).routine();
  }

  /** A valid routine with the tree and text it came from. */
  private record Parsed(Routine routine, JsonValue root, String source) {}

  private Parsed parse(Path name, byte[] bytes) {
    String text = decode(name, bytes);
    List<Problem> problems = new ArrayList<>();
    JsonValue root = JsonTreeReader.read(name, text, problems);
    Optional<Routine> routine = RoutineValidator.validate(name, root, problems);
    if (!problems.isEmpty()) {
      problems.sort(BY_PLACE);
      throw new RoutineException(problems);
    }
    return new Parsed(routine.orElseThrow(), root, text);
  }

  private static byte[] readFile(Path file) {
    if (file.toString().isEmpty()) {
      // Path.of("") is the current folder: "is a directory" would puzzle whoever typed ''.
      throw single(file, "the path is empty: name a routine file");
    }
    BasicFileAttributes a = attributes(file);
    if (a.isDirectory()) {
      throw single(file, "is a directory, not a routine file");
    }
    if (!a.isRegularFile()) {
      throw single(file, "is not a regular file");
    }
    // Size first: a 50 MB file must be refused without reading it.
    if (a.size() > MAX_BYTES) {
      throw single(
          file,
          "is "
              + humanSize(a.size())
              + ", too big for a routine file (at most "
              + MAX_BYTES / 1024
              + " KiB)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw single(file, "grew past " + MAX_BYTES / 1024 + " KiB while being read");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw single(file, "no such file (it went away while being read)");
    } catch (AccessDeniedException e) {
      throw single(file, "cannot read it: permission denied");
    } catch (IOException e) {
      throw single(file, "cannot read it: " + reason(e));
    }
  }

  /**
   * What {@code stat} says of the file (following links), or a problem that says why it cannot be
   * reached as what it is: missing, a link to nothing, a loop of links, or a folder on the way that
   * may not be entered (Files.exists reports all of these as "no such file").
   */
  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) {
        try {
          throw single(
              file, "is a link to " + Files.readSymbolicLink(file) + ", which does not exist");
        } catch (IOException unreadable) {
          throw single(file, "is a link to a file that does not exist");
        }
      }
      throw single(file, "no such file");
    } catch (AccessDeniedException e) {
      throw single(file, "cannot reach it: permission denied on a folder in its path");
    } catch (FileSystemException e) {
      String why = String.valueOf(e.getReason());
      if (why.toLowerCase(Locale.ROOT).contains("symbolic link")) {
        throw single(file, "cannot reach it: its path is a loop of symbolic links");
      }
      throw single(file, "cannot reach it: " + why);
    } catch (IOException e) {
      throw single(file, "cannot read it: " + reason(e));
    }
  }

  private static String decode(Path name, byte[] bytes) {
    if (bytes.length == 0) {
      throw single(name, "file is empty (a routine is a JSON object { ... })");
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      throw new RoutineException(
          List.of(
              new Problem(
                  name,
                  1,
                  1,
                  "",
                  "file starts with a byte order mark (BOM); save it as UTF-8 without BOM")));
    }
    if (bytes.length >= 2
        && (((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
            || ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF))) {
      throw new RoutineException(
          List.of(new Problem(name, 1, 1, "", "file is UTF-16; save it as UTF-8 without BOM")));
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      int bad = bytes[in.position()] & 0xff;
      throw new RoutineException(
          List.of(
              new Problem(
                  name,
                  line,
                  column,
                  "",
                  String.format(
                      Locale.ROOT, "not valid UTF-8 (byte 0x%02X); save the file as UTF-8", bad))));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static String humanSize(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName().replace("Exception", " failure")
        : m;
  }

  private static RoutineException single(Path file, String message) {
    return new RoutineException(List.of(new Problem(file, 0, 0, "", message)));
  }
}
