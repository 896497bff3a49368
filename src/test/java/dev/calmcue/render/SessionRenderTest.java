package dev.calmcue.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import dev.calmcue.audio.Chime;
import dev.calmcue.audio.CueSounds;
import dev.calmcue.audio.ResamplingEngine;
import dev.calmcue.audio.SampleTime;
import dev.calmcue.audio.TimelineAudio;
import dev.calmcue.audio.Volume;
import dev.calmcue.plan.Cue;
import dev.calmcue.plan.CueKind;
import dev.calmcue.plan.Timeline;
import dev.calmcue.speech.SpeechEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionRenderTest {
  @TempDir Path dir;

  /** Cues at awkward times (sub-sample nanoseconds), with gaps so every onset follows silence. */
  static Timeline timeline() {
    List<Cue> cues = new ArrayList<>();
    cues.add(cue(500_000_000L, CueKind.INTRO, "Hello."));
    cues.add(cue(1_234_567_891L, CueKind.INSTRUCTION, "Warm your hands."));
    cues.add(cue(2_000_031_250L, CueKind.CHIME, "chime"));
    cues.add(cue(3_333_333_333L, CueKind.PROMPT, "Breathe."));
    cues.add(cue(4_718_281_828L, CueKind.CLOSING, "All done, well done."));
    return new Timeline(
        "r", "Test", cues, List.of(), List.of(), Duration.ZERO, Duration.ofMillis(6_000));
  }

  static Cue cue(long atNanos, CueKind kind, String text) {
    Duration at = Duration.ofNanos(atNanos);
    return new Cue(at, at.plusMillis(400), kind, null, text);
  }

  static TimelineAudio audio(Timeline t, SpeechEngine engine) {
    CueSounds sounds =
        CueSounds.prepare(t.cues(), engine::synthesize, engine.sampleRate(), new Volume(100));
    return new TimelineAudio(t, sounds);
  }

  static short[] samplesOf(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    short[] s = new short[(wav.length - 44) / 2];
    for (int i = 0; i < s.length; i++) {
      s[i] = b.getShort(44 + 2 * i);
    }
    return s;
  }

  static int rateOf(byte[] wav) {
    return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 44100, 48000})
  void everyCue_startsAtItsExactSample(int rate) throws Exception {
    Timeline t = timeline();
    SpeechEngine engine = ResamplingEngine.at(new ToneEngine(16000), rate);
    TimelineAudio audio = audio(t, engine);
    Path wav = dir.resolve("s.wav");
    try (SessionRender r =
        SessionRender.open(new AudioTarget.ToFile(wav), Optional.empty(), false)) {
      r.write(t, audio, RenderProgress.NONE);
    }
    byte[] bytes = Files.readAllBytes(wav);
    assertEquals(rate, rateOf(bytes));
    short[] s = samplesOf(bytes);
    assertEquals(audio.totalSamples(), s.length);
    for (Cue c : t.cues()) {
      int start = (int) SampleTime.sampleAt(c.at(), rate);
      short[] clip =
          c.kind() == CueKind.CHIME
              ? Chime.generate(rate).samples()
              : engine.synthesize(c.text()).samples();
      short[] got = new short[clip.length];
      System.arraycopy(s, start, got, 0, clip.length);
      assertEquals(0, s[start - 1], "silence just before " + c.text() + " at " + rate + " Hz");
      assertArrayEquals(clip, got, c.text() + " starts at sample round(at * " + rate + ")");
      assertTrue(Math.abs(clip[clip.length / 2]) > 0, c.text() + " is not silence");
    }
  }

  @Test
  void atTheEngineRate_theFileHoldsTheClipsSampleForSample() throws Exception {
    Timeline t = timeline();
    ToneEngine engine = new ToneEngine(16000);
    TimelineAudio audio = audio(t, engine);
    Path wav = dir.resolve("s.wav");
    try (SessionRender r =
        SessionRender.open(new AudioTarget.ToFile(wav), Optional.empty(), false)) {
      r.write(t, audio, RenderProgress.NONE);
    }
    short[] s = samplesOf(Files.readAllBytes(wav));
    Cue warm = t.cues().get(1);
    int start = (int) SampleTime.sampleAt(warm.at(), 16000);
    short[] clip = engine.synthesize(warm.text()).samples();
    short[] got = new short[clip.length];
    System.arraycopy(s, start, got, 0, clip.length);
    assertArrayEquals(clip, got);
    assertEquals(0, s[start + clip.length], "silence right after the clip");
  }

  @Test
  void stdout_getsTheSameBytesAsAFile() throws Exception {
    Timeline t = timeline();
    TimelineAudio audio = audio(t, new ToneEngine(16000));
    Path wav = dir.resolve("s.wav");
    try (SessionRender r =
        SessionRender.open(new AudioTarget.ToFile(wav), Optional.empty(), false)) {
      r.write(t, audio, RenderProgress.NONE);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SessionRender r =
        SessionRender.open(new AudioTarget.ToStream(out, "stdout"), Optional.empty(), false)) {
      r.write(t, audio, RenderProgress.NONE);
    }
    assertArrayEquals(Files.readAllBytes(wav), out.toByteArray());
  }

  @Test
  void progress_countsUpToTheTotal() {
    Timeline t = timeline();
    TimelineAudio audio = audio(t, new ToneEngine(16000));
    List<Long> seen = new ArrayList<>();
    boolean[] finished = {false};
    RenderProgress p =
        new RenderProgress() {
          @Override
          public void rendered(long done, long total) {
            assertEquals(audio.totalSamples(), total);
            seen.add(done);
          }

          @Override
          public void finished() {
            finished[0] = true;
          }
        };
    try (SessionRender r =
        SessionRender.open(
            new AudioTarget.ToStream(OutputStream.nullOutputStream(), "stdout"),
            Optional.empty(),
            false)) {
      r.write(t, audio, p);
    }
    assertTrue(seen.size() > 1);
    assertEquals(audio.totalSamples(), seen.get(seen.size() - 1));
    assertTrue(finished[0]);
  }

  @Test
  void captions_areWrittenNextToTheAudio() throws Exception {
    Timeline t = timeline();
    Path vtt = dir.resolve("s.vtt");
    try (SessionRender r =
        SessionRender.open(new AudioTarget.ToFile(dir.resolve("s.wav")), Optional.of(vtt), false)) {
      r.write(t, audio(t, new ToneEngine(16000)), RenderProgress.NONE);
    }
    String text = Files.readString(vtt);
    assertTrue(text.startsWith("WEBVTT\n\n1\n00:00:00.500 --> 00:00:00.900\nHello.\n"), text);
    assertEquals(List.of("s.vtt", "s.wav"), names());
  }

  @Test
  void existingFile_isNotReplacedWithoutForce() throws Exception {
    Path wav = dir.resolve("s.wav");
    Files.writeString(wav, "precious");
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () -> SessionRender.open(new AudioTarget.ToFile(wav), Optional.empty(), false));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertEquals("precious", Files.readString(wav));
    assertEquals(List.of("s.wav"), names());
  }

  @Test
  void existingCaptions_areNotReplacedWithoutForce_andNoTempIsLeft() throws Exception {
    Path srt = dir.resolve("s.srt");
    Files.writeString(srt, "precious");
    assertThrows(
        CalmcueException.class,
        () ->
            SessionRender.open(
                new AudioTarget.ToFile(dir.resolve("s.wav")), Optional.of(srt), false));
    assertEquals(List.of("s.srt"), names());
  }

  @Test
  void force_replacesAnExistingFile() throws Exception {
    Timeline t = timeline();
    Path wav = dir.resolve("s.wav");
    Files.writeString(wav, "old");
    try (SessionRender r =
        SessionRender.open(new AudioTarget.ToFile(wav), Optional.empty(), true)) {
      r.write(t, audio(t, new ToneEngine(16000)), RenderProgress.NONE);
    }
    assertEquals("RIFF", new String(Files.readAllBytes(wav), 0, 4, "US-ASCII"));
  }

  @Test
  void failedRender_leavesNoFileAndNoTemp() throws Exception {
    Timeline t = timeline();
    TimelineAudio audio = audio(t, new ToneEngine(16000));
    RenderProgress interrupting =
        (done, total) -> {
          throw new IllegalStateException("interrupted");
        };
    try (SessionRender r =
        SessionRender.open(
            new AudioTarget.ToFile(dir.resolve("s.wav")),
            Optional.of(dir.resolve("s.srt")),
            false)) {
      assertEquals(2, names().size(), "two hidden temp files while rendering");
      assertTrue(names().stream().allMatch(n -> n.startsWith(".s.") && n.endsWith(".part")));
      assertThrows(IllegalStateException.class, () -> r.write(t, audio, interrupting));
    }
    assertEquals(List.of(), names());
  }

  @Test
  void missingFolder_isAnInputErrorNamingIt() {
    Path wav = dir.resolve("nope/s.wav");
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () -> SessionRender.open(new AudioTarget.ToFile(wav), Optional.empty(), false));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void badCaptionExtension_isAnInputError() throws IOException {
    CalmcueException e =
        assertThrows(
            CalmcueException.class,
            () ->
                SessionRender.open(
                    new AudioTarget.ToFile(dir.resolve("s.wav")),
                    Optional.of(dir.resolve("s.txt")),
                    false));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertEquals(List.of(), names());
  }

  @Test
  void unwritableFolder_isARuntimeError() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    assertTrue(ro.toFile().setWritable(false, false));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(ro), "running as root: permissions do not stop us");
      CalmcueException e =
          assertThrows(
              CalmcueException.class,
              () ->
                  SessionRender.open(
                      new AudioTarget.ToFile(ro.resolve("s.wav")), Optional.empty(), false));
      assertEquals(CalmcueException.Kind.RUNTIME, e.kind());
    } finally {
      ro.toFile().setWritable(true, false);
    }
  }

  @Test
  void brokenPipe_isOneRuntimeLineNamingTheTarget() {
    Timeline t = timeline();
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    try (SessionRender r =
        SessionRender.open(
            new AudioTarget.ToStream(broken, "standard output"), Optional.empty(), false)) {
      CalmcueException e =
          assertThrows(
              CalmcueException.class,
              () -> r.write(t, audio(t, new ToneEngine(16000)), RenderProgress.NONE));
      assertEquals(CalmcueException.Kind.RUNTIME, e.kind());
      assertEquals("cannot write standard output: Broken pipe", e.getMessage());
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("ro")).sorted().toList();
    }
  }
}
