package dev.calmcue.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calmcue.audio.Resampler;
import dev.calmcue.speech.FreeTtsEngine;
import dev.calmcue.speech.Pcm;
import dev.calmcue.speech.SpeechSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spoken test audio made at test time: FreeTTS in process, espeak-ng and flite as programs, noise
 * and reverb from SoX. Everything is 16 kHz mono PCM, cached under target/voice-corpus by its
 * recipe.
 */
public final class SyntheticSpeech {
  static final Path DIR = Path.of("target", "voice-corpus");

  /** SoX's words for the one format every clip here has: raw 16 kHz mono signed 16-bit. */
  private static final List<String> RAW =
      List.of("-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw");

  /** A voice: how to say a text. */
  record Voice(String family, String name, int wpm) {
    String label() {
      return family + ":" + name + "@" + wpm;
    }
  }

  static final List<Voice> TEST_VOICES =
      List.of(
          new Voice("freetts", "kevin16", 150),
          new Voice("espeak", "en-us", 150),
          new Voice("espeak", "en-us", 190),
          new Voice("espeak", "en-us+f3", 150),
          new Voice("espeak", "en-us+f3", 190),
          new Voice("espeak", "en-gb", 150),
          new Voice("espeak", "en-gb", 190),
          new Voice("espeak", "en-gb+f2", 150),
          new Voice("espeak", "en-gb+m3", 170));

  /** Voices only the benchmark uses (flite is not in CI's package list). */
  static final List<Voice> BENCH_EXTRA =
      List.of(
          new Voice("flite", "slt", 0),
          new Voice("flite", "kal", 0),
          new Voice("flite", "rms", 0),
          new Voice("espeak", "en-us+f4", 130),
          new Voice("freetts", "kevin16", 190));

  private SyntheticSpeech() {}

  public static boolean espeakPresent() {
    return runs("espeak-ng", "--version");
  }

  static boolean soxPresent() {
    return runs("sox", "--version");
  }

  static boolean flitePresent() {
    return runs("flite", "-lv");
  }

  private static boolean runs(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code text} in {@code voice}, 16 kHz, leading and trailing silence as the engine makes it. */
  static short[] say(Voice voice, String text) {
    Path cached =
        DIR.resolve("say")
            .resolve(
                voice.label().replace(':', '_')
                    + "-"
                    + Integer.toHexString(text.hashCode())
                    + ".raw");
    if (Files.exists(cached)) {
      return read(cached);
    }
    short[] pcm =
        switch (voice.family()) {
          case "freetts" -> freetts(voice, text);
          case "espeak" ->
              program(
                  List.of(
                      "espeak-ng",
                      "-v",
                      voice.name(),
                      "-s",
                      Integer.toString(voice.wpm()),
                      "-w",
                      "%OUT%",
                      text));
          case "flite" ->
              program(List.of("flite", "-voice", voice.name(), "-t", text, "-o", "%OUT%"));
          default -> throw new IllegalArgumentException(voice.family());
        };
    write(cached, pcm);
    return pcm;
  }

  private static short[] freetts(Voice voice, String text) {
    try (FreeTtsEngine e = new FreeTtsEngine(new SpeechSettings("freetts", null, voice.wpm()))) {
      Pcm pcm = e.synthesize(text);
      return pcm.sampleRate() == 16_000
          ? pcm.samples()
          : new Resampler(pcm.sampleRate(), 16_000).apply(pcm).samples();
    }
  }

  /** Runs a synthesizer that writes a WAV to %OUT%, then SoX makes it 16 kHz mono 16-bit raw. */
  private static short[] program(List<String> cmd) {
    try {
      Path wav = Files.createTempFile(mkdirs(DIR.resolve("tmp")), "say", ".wav");
      Path raw = Files.createTempFile(DIR.resolve("tmp"), "say", ".raw");
      try {
        List<String> c = new ArrayList<>();
        for (String a : cmd) {
          c.add(a.equals("%OUT%") ? wav.toString() : a);
        }
        exec(c);
        List<String> convert = new ArrayList<>(List.of("sox", wav.toString()));
        convert.addAll(RAW);
        convert.add(raw.toString());
        exec(convert);
        return read(raw);
      } finally {
        Files.deleteIfExists(wav);
        Files.deleteIfExists(raw);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SoX's pink noise, {@code seconds} long, at full scale. */
  static short[] pinkNoise(double seconds, int seed) {
    Path raw = DIR.resolve("noise-" + seconds + "-" + seed + ".raw");
    if (!Files.exists(raw)) {
      mkdirs(DIR);
      List<String> c = new ArrayList<>(List.of("sox", "-R", "-n"));
      c.addAll(RAW);
      c.addAll(
          List.of(raw.toString(), "synth", Double.toString(seconds), "pinknoise", "vol", "0.5"));
      exec(c);
    }
    return read(raw);
  }

  /** SoX's reverb (a small, lively room) over {@code pcm}. */
  static short[] reverb(short[] pcm) {
    try {
      Path in = Files.createTempFile(mkdirs(DIR.resolve("tmp")), "dry", ".raw");
      Path out = Files.createTempFile(DIR.resolve("tmp"), "wet", ".raw");
      try {
        write(in, pcm);
        List<String> c = new ArrayList<>(List.of("sox"));
        c.addAll(RAW);
        c.add(in.toString());
        c.addAll(RAW);
        c.addAll(List.of(out.toString(), "reverb", "50", "50", "60", "0", "0", "-3"));
        exec(c);
        short[] wet = read(out);
        return java.util.Arrays.copyOf(wet, pcm.length);
      } finally {
        Files.deleteIfExists(in);
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every sentence the bundled routines speak (preparation, safety, steps, prompts, closing). */
  static List<String> routineSentences() {
    List<String> out = new ArrayList<>();
    try (var files = Files.list(Path.of("routines"))) {
      for (Path f : files.sorted().toList()) {
        if (!f.toString().endsWith(".json") || f.getFileName().toString().equals("schema.json")) {
          continue;
        }
        collect(new ObjectMapper().readTree(f.toFile()), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.stream().distinct().toList();
  }

  private static void collect(JsonNode node, List<String> out) {
    node.fields()
        .forEachRemaining(
            e -> {
              String k = e.getKey();
              JsonNode v = e.getValue();
              if (v.isTextual() && (k.equals("say") || k.equals("closing"))) {
                sentences(v.asText(), out);
              } else if (v.isArray()
                  && (k.equals("preparation") || k.equals("safety") || k.equals("closing"))) {
                v.forEach(
                    x -> {
                      if (x.isTextual()) {
                        sentences(x.asText(), out);
                      } else {
                        collect(x, out);
                      }
                    });
              } else if (v.isArray() || v.isObject()) {
                (v.isArray() ? v : List.of(v))
                    .forEach(
                        x -> {
                          if (x.isObject()) {
                            collect(x, out);
                          }
                        });
              }
            });
  }

  private static void sentences(String text, List<String> out) {
    for (String s : text.split("(?<=[.!?])\\s+")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
  }

  /** Parent talk and songs with command words inside longer sentences, and short interjections. */
  static List<String> parentTalk() {
    return lines("parent-talk.txt");
  }

  /** More parent talk, held out from everything the talk-word list was built from. */
  static List<String> moreParentTalk() {
    return lines("parent-talk-more.txt");
  }

  private static List<String> lines(String resource) {
    try {
      return Files.readAllLines(Path.of("src/test/resources/voice", resource)).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void exec(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(cmd + " failed: " + new String(out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path mkdirs(Path d) {
    try {
      return Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static short[] read(Path raw) {
    try {
      byte[] b = Files.readAllBytes(raw);
      short[] s = new short[b.length / 2];
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path raw, short[] pcm) {
    mkdirs(raw.getParent());
    ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(pcm);
    try {
      Path tmp = raw.resolveSibling(raw.getFileName() + ".tmp");
      Files.write(tmp, b.array());
      Files.move(tmp, raw, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(short[] pcm) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(pcm.length * 2);
    ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(pcm);
    o.writeBytes(b.array());
    return o.toByteArray();
  }
}
