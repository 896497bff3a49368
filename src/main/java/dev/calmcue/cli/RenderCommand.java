package dev.calmcue.cli;

import dev.calmcue.audio.SampleSource;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.captions.CaptionFormat;
import dev.calmcue.music.MusicMixer;
import dev.calmcue.render.AudioTarget;
import dev.calmcue.render.RenderAudio;
import dev.calmcue.render.SessionRender;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import dev.calmcue.text.TimeText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calmcue render}: the session as a WAV file (or stream) and, if asked, captions. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description =
        "Write a session as a sound file (16-bit PCM WAV, mono) with exactly the cues and times"
            + " of 'calmcue plan' given the same options, and if asked SRT or WebVTT captions.",
    footer = {
      "",
      "Examples:",
      "  calmcue render back-massage -o session.wav",
      "  calmcue render back-massage --bedtime -o bedtime.wav --captions bedtime.vtt",
      "  calmcue render back-massage --music pulse --music-volume 40 -o paced.wav",
      "  calmcue render back-massage --minutes 8 --sample-rate 44100 -o usb-stick.wav",
      "  calmcue render back-massage -o - | aplay",
      "  calmcue render back-massage -o - | ffmpeg -i - session.mp3",
      "",
      "Files appear under their names only once complete; an existing file is kept unless --force."
    })
final class RenderCommand implements Callable<Integer> {
  static final List<Integer> SAMPLE_RATES = List.of(16000, 22050, 44100, 48000);

  @Spec CommandSpec spec;

  @Mixin SessionOptions session;

  @Parameters(
      paramLabel = "ROUTINE",
      completionCandidates = RoutineIds.class,
      description = "A routine id (see 'calmcue list') or the path of a routine file.")
  String routine;

  private Path output;
  private Path captions;
  private Integer sampleRate;

  @Option(names = "--force", description = "Replace the output and captions files if they exist.")
  boolean force;

  private final Supplier<OutputStream> stdout;

  RenderCommand() {
    // Not System.out: a PrintStream swallows write errors, and a closed pipe must be reported.
    this(() -> new FileOutputStream(FileDescriptor.out));
  }

  /** For tests: where {@code -o -} writes. */
  RenderCommand(Supplier<OutputStream> stdout) {
    this.stdout = stdout;
  }

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE.wav|-",
      description = "The WAV file to write, or - for standard output (to pipe into a player).")
  void setOutput(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (!name.equals("-") && !name.toLowerCase(Locale.ROOT).endsWith(".wav")) {
      throw new ParameterException(
          spec.commandLine(),
          "-o must name a .wav file (or - for standard output), got "
              + file
              + "; pipe '-o -' into ffmpeg for other formats");
    }
    output = file;
  }

  @Option(
      names = "--captions",
      paramLabel = "FILE.srt|FILE.vtt",
      description =
          "Also write captions, one per cue: SubRip (.srt) or WebVTT (.vtt) by extension.")
  void setCaptions(Path file) {
    if (CaptionFormat.forFile(file).isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--captions must name a .srt or .vtt file, got " + file);
    }
    captions = file;
  }

  @Option(
      names = "--sample-rate",
      paramLabel = "HZ",
      description =
          "Sample rate of the file: 16000, 22050, 44100 or 48000. Default: the voice's own.")
  void setSampleRate(int hz) {
    if (!SAMPLE_RATES.contains(hz)) {
      throw new ParameterException(
          spec.commandLine(), "--sample-rate must be 16000, 22050, 44100 or 48000, got " + hz);
    }
    sampleRate = hz;
  }

  @Override
  public Integer call() {
    ProgressBar progress = ProgressBar.forStderr(spec.commandLine().getErr());
    SessionSettings settings = session.settings(false);
    Routine r = RoutineCatalog.standard().resolve(routine);
    try (SessionRender render = SessionRender.open(target(), Optional.ofNullable(captions), force);
        SpeechEngine engine =
            new CountingSpeechEngine(SpeechEngines.open(settings.speech()), progress::clipReady)) {
      PreparedSession s = new SessionPreparer(engine).prepare(r, settings);
      int rate = sampleRate == null ? engine.sampleRate() : sampleRate;
      TimelineAudio audio = RenderAudio.at(s, engine, rate);
      SampleSource sound =
          MusicMixer.over(audio, s.timeline(), r, settings.music(), settings.volumePercent());
      render.write(s.timeline(), sound, progress);
      report(s, audio);
    } finally {
      progress.finished(); // an error message must not land on the end of the progress line
    }
    return ExitCodes.OK;
  }

  private AudioTarget target() {
    if (!output.toString().equals("-")) {
      return new AudioTarget.ToFile(output);
    }
    if (Terminals.stdoutIsTerminal()) {
      throw new ParameterException(
          spec.commandLine(),
          "-o - writes sound to standard output, which is a terminal here; "
              + "pipe it into a player (| aplay) or give a file name");
    }
    return new AudioTarget.ToStream(stdout.get(), "standard output");
  }

  /** One line on what was written; on stderr when stdout carries the sound. */
  private void report(PreparedSession s, TimelineAudio audio) {
    boolean toFile = !output.toString().equals("-");
    PrintWriter where = toFile ? spec.commandLine().getOut() : spec.commandLine().getErr();
    Duration length = SampleTime.durationOf(audio.totalSamples(), audio.sampleRate());
    StringBuilder line = new StringBuilder(toFile ? "Wrote " + output : "Wrote the session");
    line.append(
        String.format(
            Locale.ROOT,
            " (%s, %d cues, %d Hz)",
            TimeText.minutes(length),
            s.timeline().cues().size(),
            audio.sampleRate()));
    if (captions != null) {
      line.append(" and ").append(captions);
    }
    if (!s.timeline().dropped().isEmpty()) {
      line.append("; ")
          .append(s.timeline().dropped().size())
          .append(" cue(s) did not fit (see 'calmcue plan')");
    }
    where.println(line);
    where.flush();
  }
}
