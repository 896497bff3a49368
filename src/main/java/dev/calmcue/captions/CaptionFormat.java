package dev.calmcue.captions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A caption file format, chosen by the file's extension. */
public enum CaptionFormat {
  /**
   * SubRip: numbered entries, {@code HH:MM:SS,mmm}, CRLF line ends (what TVs and USB players
   * expect).
   */
  SRT(".srt") {
    @Override
    public String format(List<Caption> captions) {
      StringBuilder b = new StringBuilder();
      for (Caption c : captions) {
        b.append(c.number()).append(CRLF);
        b.append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ',')).append(CRLF);
        for (String line : c.lines()) {
          b.append(line).append(CRLF);
        }
        b.append(CRLF);
      }
      return b.toString();
    }
  },
  /** WebVTT: {@code WEBVTT} header, {@code HH:MM:SS.mmm}, text with {@code & < >} escaped. */
  WEBVTT(".vtt") {
    @Override
    public String format(List<Caption> captions) {
      StringBuilder b = new StringBuilder("WEBVTT\n\n");
      for (Caption c : captions) {
        b.append(c.number()).append('\n');
        b.append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n');
        for (String line : c.lines()) {
          b.append(escapeVtt(line)).append('\n');
        }
        b.append('\n');
      }
      return b.toString();
    }
  };

  private static final String CRLF = "\r\n";

  private final String extension;

  CaptionFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension with its dot, e.g. {@code .srt}. */
  public String extension() {
    return extension;
  }

  /** The whole caption file as text (written as UTF-8). */
  public abstract String format(List<Caption> captions);

  /** The format a file name asks for, by extension (any case); empty if it is neither. */
  public static Optional<CaptionFormat> forFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    for (CaptionFormat f : values()) {
      if (n.endsWith(f.extension) && n.length() > f.extension.length()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  static String time(Duration d, char millisSeparator) {
    long ms = d.toMillis();
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d%c%03d",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        millisSeparator,
        ms % 1000);
  }

  private static String escapeVtt(String line) {
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
