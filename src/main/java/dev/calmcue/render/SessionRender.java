package dev.calmcue.render;

import dev.calmcue.CalmcueException;
import dev.calmcue.audio.SampleSource;
import dev.calmcue.audio.WavFileSink;
import dev.calmcue.captions.CaptionFormat;
import dev.calmcue.captions.Captions;
import dev.calmcue.plan.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a prepared session as a WAV file (or a WAV stream) plus, if asked, a caption file. Opened
 * before any speech is made, so a wrong path fails at once; nothing appears under the real names
 * until everything is written and synced, and both files are committed together at the end.
 */
public final class SessionRender implements AutoCloseable {
  /** Samples per chunk: big enough to be cheap, small enough for a smooth progress bar. */
  static final int CHUNK = 16 * 1024;

  private final AudioTarget target;
  private final Optional<PendingFile> wavFile;
  private final Optional<PendingFile> captionFile;
  private final Optional<CaptionFormat> captionFormat;

  private SessionRender(
      AudioTarget target,
      Optional<PendingFile> wavFile,
      Optional<PendingFile> captionFile,
      Optional<CaptionFormat> captionFormat) {
    this.target = target;
    this.wavFile = wavFile;
    this.captionFile = captionFile;
    this.captionFormat = captionFormat;
  }

  /**
   * Checks the targets and opens their temporary files.
   *
   * @param captions a {@code .srt} or {@code .vtt} file to write next to the audio
   * @param replace whether existing files may be replaced (--force)
   * @throws CalmcueException INPUT for a bad name, a missing folder, an existing file; RUNTIME for
   *     a folder that cannot be written
   */
  public static SessionRender open(AudioTarget target, Optional<Path> captions, boolean replace) {
    Optional<CaptionFormat> format = Optional.empty();
    if (captions.isPresent()) {
      format = CaptionFormat.forFile(captions.get());
      if (format.isEmpty()) {
        throw CalmcueException.input(
            "captions file " + captions.get() + " must end in .srt or .vtt");
      }
      if (target instanceof AudioTarget.ToFile f && samePath(f.path(), captions.get())) {
        throw CalmcueException.input("the captions and the audio cannot both go to " + f.path());
      }
    }
    PendingFile wav = null;
    try {
      if (target instanceof AudioTarget.ToFile f) {
        wav = PendingFile.create(f.path(), replace);
      }
      Optional<PendingFile> caps =
          captions.isPresent()
              ? Optional.of(PendingFile.create(captions.get(), replace))
              : Optional.empty();
      return new SessionRender(target, Optional.ofNullable(wav), caps, format);
    } catch (RuntimeException e) {
      if (wav != null) {
        wav.close();
      }
      throw e;
    }
  }

  /**
   * Writes the session's samples chunk by chunk, then the captions, then moves both into place.
   *
   * @throws CalmcueException RUNTIME when writing fails (disk full, pipe closed)
   */
  public void write(Timeline timeline, SampleSource audio, RenderProgress progress) {
    long total = audio.totalSamples();
    if (total > WavFileSink.MAX_SAMPLES) {
      throw CalmcueException.input(
          "the session is too long for a WAV file (at most "
              + WavFileSink.maxDuration(audio.sampleRate()).toHours()
              + " hours at "
              + audio.sampleRate()
              + " Hz)");
    }
    try {
      writeAudio(audio, total, progress);
    } catch (UncheckedIOException e) {
      throw writeFailed(audioName(), e.getCause());
    } catch (IOException e) {
      throw writeFailed(audioName(), e);
    } finally {
      progress.finished();
    }
    if (captionFile.isPresent()) {
      PendingFile file = captionFile.get();
      String text = captionFormat.orElseThrow().format(Captions.of(timeline));
      try {
        writeFully(file.channel(), StandardCharsets.UTF_8.encode(text));
      } catch (IOException e) {
        throw writeFailed(file.target().toString(), e);
      }
    }
    wavFile.ifPresent(PendingFile::commit);
    captionFile.ifPresent(PendingFile::commit);
  }

  private void writeAudio(SampleSource audio, long total, RenderProgress progress)
      throws IOException {
    WavFileSink sink =
        target instanceof AudioTarget.ToStream s
            ? WavFileSink.toStream(Channels.newChannel(s.out()), audio.sampleRate(), total)
            : WavFileSink.toFile(wavFile.orElseThrow().channel(), audio.sampleRate());
    short[] buf = new short[CHUNK];
    for (long done = 0; done < total; ) {
      int n = (int) Math.min(CHUNK, total - done);
      audio.fill(done, buf, 0, n);
      sink.write(buf, 0, n);
      done += n;
      progress.rendered(done, total);
    }
    sink.close();
    if (target instanceof AudioTarget.ToStream s) {
      s.out().flush();
    }
  }

  /** Discards whatever was not committed. */
  @Override
  public void close() {
    wavFile.ifPresent(PendingFile::close);
    captionFile.ifPresent(PendingFile::close);
  }

  private String audioName() {
    return target instanceof AudioTarget.ToStream s
        ? s.name()
        : wavFile.orElseThrow().target().toString();
  }

  private static CalmcueException writeFailed(String where, IOException e) {
    return new CalmcueException(
        CalmcueException.Kind.RUNTIME, "cannot write " + where + ": " + PendingFile.reason(e), e);
  }

  private static void writeFully(WritableByteChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static boolean samePath(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
