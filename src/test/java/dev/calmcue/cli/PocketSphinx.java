package dev.calmcue.cli;

import com.sun.speech.freetts.en.us.CMULexicon;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's pocketsphinx (0.8 / 5prealpha: {@code pocketsphinx_batch}) as a judge of which of a few
 * known sentences a clip of speech is: a JSGF grammar whose only choices are those sentences, a
 * small dictionary of just their words, and a wide beam. Words missing from CMUdict get the
 * pronunciation FreeTTS itself used (its CMU lexicon and letter-to-sound rules), mapped to the
 * Sphinx phone set.
 */
final class PocketSphinx {
  static final Path MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");
  static final Path ACOUSTIC = MODEL.resolve("en-us");
  static final Path DICTIONARY = MODEL.resolve("cmudict-en-us.dict");
  static final String PROGRAM = "pocketsphinx_batch";
  private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

  private final Path work;

  PocketSphinx(Path work) {
    this.work = work;
  }

  /** Why the recognizer cannot run here, or empty if it can. */
  static Optional<String> unavailable() {
    if (!Files.isDirectory(ACOUSTIC) || !Files.isRegularFile(DICTIONARY)) {
      return Optional.of("the pocketsphinx-en-us model is not installed (" + MODEL + ")");
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, PROGRAM))) {
        return Optional.empty();
      }
    }
    return Optional.of(PROGRAM + " is not on PATH (Debian package pocketsphinx)");
  }

  /** Lowercase words without punctuation: what the grammar and the recognizer speak in. */
  static String normalize(String text) {
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    List<String> words = new ArrayList<>();
    while (m.find()) {
      String w = m.group().replaceAll("^'+|'+$", "");
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }

  /**
   * Decodes each clip (16 kHz mono) against a grammar of {@code sentences} and returns, per clip,
   * the normalized words recognised (empty string if nothing was).
   */
  List<String> decode(List<short[]> clips, int sampleRate, List<String> sentences)
      throws IOException, InterruptedException {
    if (sampleRate != 16000) {
      throw new IllegalArgumentException("the en-us model wants 16 kHz, got " + sampleRate);
    }
    Set<String> choices =
        sentences.stream()
            .map(PocketSphinx::normalize)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Path grammar = work.resolve("sentences.jsgf");
    Files.writeString(
        grammar,
        "#JSGF V1.0;\ngrammar calmcue;\npublic <sentence> = "
            + choices.stream().map(s -> "( " + s + " )").collect(Collectors.joining("\n  | "))
            + " ;\n");
    Path dict = work.resolve("words.dict");
    Files.writeString(dict, dictionaryFor(choices));
    Path clipsDir = Files.createDirectories(work.resolve("clips"));
    StringBuilder ctl = new StringBuilder();
    for (int i = 0; i < clips.size(); i++) {
      String id = String.format(Locale.ROOT, "clip%04d", i);
      Files.write(clipsDir.resolve(id + ".raw"), littleEndian(clips.get(i)));
      ctl.append(id).append('\n');
    }
    Path ctlFile = work.resolve("clips.ctl");
    Files.writeString(ctlFile, ctl);
    Path hyp = work.resolve("clips.hyp");
    Path log = work.resolve("pocketsphinx.log");
    Process p =
        new ProcessBuilder(
                PROGRAM,
                "-hmm",
                ACOUSTIC.toString(),
                "-dict",
                dict.toString(),
                "-jsgf",
                grammar.toString(),
                "-beam",
                "1e-80",
                "-wbeam",
                "1e-60",
                "-pbeam",
                "1e-80",
                "-samprate",
                "16000",
                "-dither",
                "yes", // digital silence around the clips would give log(0) energies
                "-adcin",
                "yes",
                "-cepdir",
                clipsDir.toString(),
                "-cepext",
                ".raw",
                "-ctl",
                ctlFile.toString(),
                "-hyp",
                hyp.toString(),
                "-logfn",
                log.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("pocketsphinx.out").toFile())
            .start();
    int rc = p.waitFor();
    if (rc != 0 || !Files.exists(hyp)) {
      throw new IllegalStateException(
          PROGRAM + " failed (" + rc + "); see " + log + ":\n" + tail(log));
    }
    Map<String, String> byId = new LinkedHashMap<>();
    for (String line : Files.readAllLines(hyp, StandardCharsets.UTF_8)) {
      int paren = line.lastIndexOf(" (");
      String words = paren < 0 ? "" : line.substring(0, paren).strip();
      String id = line.substring(paren + 2).split(" ")[0];
      byId.put(id, normalize(words));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      out.add(byId.getOrDefault(String.format(Locale.ROOT, "clip%04d", i), ""));
    }
    return out;
  }

  /** CMUdict entries (all variants) of every word; FreeTTS's own pronunciation for the rest. */
  static String dictionaryFor(Set<String> sentences) throws IOException {
    Set<String> words = new LinkedHashSet<>();
    sentences.forEach(s -> words.addAll(Arrays.asList(s.split(" "))));
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8)) {
      int space = line.indexOf(' ');
      if (space < 0) {
        continue;
      }
      String word = line.substring(0, space).replaceAll("\\(\\d+\\)$", "");
      if (words.contains(word)) {
        found.computeIfAbsent(word, w -> new ArrayList<>()).add(line);
      }
    }
    StringBuilder dict = new StringBuilder();
    found.values().forEach(lines -> lines.forEach(l -> dict.append(l).append('\n')));
    CMULexicon lexicon = null;
    for (String w : words) {
      if (!found.containsKey(w)) {
        if (lexicon == null) {
          lexicon = new CMULexicon("cmudict04");
          lexicon.load();
        }
        dict.append(w).append(' ').append(sphinxPhones(lexicon.getPhones(w, null))).append('\n');
      }
    }
    return dict.toString();
  }

  /** FreeTTS phones ("ax", "ey1") to Sphinx en-us phones ("AH", "EY"). */
  static String sphinxPhones(String[] freetts) {
    List<String> out = new ArrayList<>();
    for (String ph : freetts) {
      String p = ph.replaceAll("\\d", "");
      switch (p) {
        case "pau" -> {}
        case "ax" -> out.add("AH");
        case "axr" -> out.add("ER");
        default -> out.add(p.toUpperCase(Locale.ROOT));
      }
    }
    return String.join(" ", out);
  }

  private static byte[] littleEndian(short[] s) {
    ByteBuffer b = ByteBuffer.allocate(s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short v : s) {
      b.putShort(v);
    }
    return b.array();
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
  }
}
