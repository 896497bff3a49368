package dev.calmcue.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calmcue.speech.EngineInfo;
import dev.calmcue.speech.SpeakingRate;
import dev.calmcue.speech.SpeechCache;
import dev.calmcue.speech.SpeechSettings;
import dev.calmcue.speech.VoiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Engines and voices as {@code calmcue voices} prints them: an aligned table, or JSON. */
final class VoiceListing {
  private VoiceListing() {}

  static String table(List<EngineInfo> engines, SpeechCache cache) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ENGINE", "VOICE", "SAMPLE RATE", "AVAILABLE", "DESCRIPTION"});
    for (EngineInfo e : engines) {
      String rate = e.sampleRate() + " Hz";
      if (!e.available()) {
        rows.add(new String[] {e.name(), e.defaultVoice(), rate, "no", e.problem()});
        continue;
      }
      for (VoiceInfo v : e.voices()) {
        String mark = v.name().equals(e.defaultVoice()) ? " *" : "";
        rows.add(new String[] {e.name(), v.name() + mark, rate, "yes", v.description()});
      }
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        sb.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      sb.append(row[4]).append('\n');
    }
    sb.append("\n* the engine's default voice (choose another with --voice).\n");
    sb.append("Default engine: ")
        .append(SpeechSettings.DEFAULT_ENGINE)
        .append(" (choose with --engine).\n");
    sb.append("Rate: --rate ")
        .append(SpeakingRate.MIN_WPM)
        .append('-')
        .append(SpeakingRate.MAX_WPM)
        .append(" words per minute; normally");
    for (int i = 0; i < engines.size(); i++) {
      EngineInfo e = engines.get(i);
      sb.append(i == 0 ? " " : ", ").append(e.name()).append(' ').append(e.defaultWordsPerMinute());
    }
    sb.append(".\n");
    sb.append(cacheLine(cache)).append('\n');
    return sb.toString();
  }

  static String json(List<EngineInfo> engines, SpeechCache cache) {
    ObjectNode root = JsonOutput.root();
    root.put("defaultEngine", SpeechSettings.DEFAULT_ENGINE);
    root.putObject("rate").put("min", SpeakingRate.MIN_WPM).put("max", SpeakingRate.MAX_WPM);
    var list = root.putArray("engines");
    for (EngineInfo e : engines) {
      ObjectNode o = list.addObject();
      o.put("name", e.name());
      o.put("available", e.available());
      if (!e.available()) {
        o.put("problem", e.problem());
      }
      o.put("sampleRate", e.sampleRate());
      o.put("defaultVoice", e.defaultVoice());
      o.put("defaultRate", e.defaultWordsPerMinute());
      var voices = o.putArray("voices");
      for (VoiceInfo v : e.voices()) {
        voices
            .addObject()
            .put("name", v.name())
            .put("language", v.language())
            .put("description", v.description());
      }
    }
    ObjectNode c = root.putObject("cache");
    cache.directory().ifPresent(d -> c.put("directory", d.toString()));
    SpeechCache.Usage usage = cache.usage();
    c.put("clips", usage.clips()).put("bytes", usage.bytes());
    return JsonOutput.text(root);
  }

  private static String cacheLine(SpeechCache cache) {
    if (cache.directory().isEmpty()) {
      return "Spoken clips are not cached.";
    }
    SpeechCache.Usage usage = cache.usage();
    return String.format(
        Locale.ROOT,
        "Spoken clips are cached in %s (%d clip%s, %.1f MB).",
        cache.directory().get(),
        usage.clips(),
        usage.clips() == 1 ? "" : "s",
        usage.bytes() / 1e6);
  }
}
