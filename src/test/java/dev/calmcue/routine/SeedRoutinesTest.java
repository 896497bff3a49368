package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two seed routines carry every movement and caution of the seed article, in words TTS reads
 * well.
 */
class SeedRoutinesTest {
  private static final RoutineLoader LOADER = new RoutineLoader();

  /** Symbols, digits and brackets that text-to-speech reads badly or aloud. */
  private static final Pattern UNSPEAKABLE = Pattern.compile("[0-9()\\[\\]{}<>/&%+=#@*_~^|\\\\;]");

  private static Routine seed(String id) {
    return LOADER.load(Path.of("routines", id + ".json"));
  }

  private static String all(Step s) {
    return (s.say() + " " + s.prompts().stream().map(Prompt::say).collect(Collectors.joining(" ")))
        .toLowerCase(Locale.ROOT);
  }

  private static void mentions(String text, String... phrases) {
    for (String p : phrases) {
      assertTrue(
          text.toLowerCase(Locale.ROOT).contains(p), () -> "'" + p + "' missing from: " + text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage"})
  void seed_loadsAndFitsFiveToTenMinutes(String id) {
    Routine r = seed(id);
    assertEquals(id, r.id());
    assertEquals(new MinutesRange(5, 10), r.minutes());
    long total = r.writtenLength().toSeconds();
    assertTrue(
        total >= 6 * 60 && total <= 7 * 60, "about six to seven minutes as written, got " + total);
  }

  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage", "evening-stroking"})
  void seed_builtInCopyIsTheProjectFile(String id) {
    assertEquals(seed(id), new RoutineCatalog(null, null, true).resolve(id));
  }

  @Test
  void backMassage_hasEveryTechniqueInOrder() {
    Routine r = seed("back-massage");
    assertEquals(
        List.of(
            "simultaneous-stroking",
            "alternate-stroking",
            "spine-stroking",
            "circular-rubbing",
            "buttocks-rubbing",
            "legs-and-feet-stroking"),
        r.steps().stream().map(Step::id).collect(Collectors.toList()));
    List<Step> s = r.steps();
    mentions(all(s.get(0)), "light strokes", "both hands", "together", "buttocks");
    mentions(all(s.get(1)), "one hand after the other", "opposite directions");
    mentions(
        all(s.get(2)),
        "hold your baby's legs",
        "with the other hand",
        "along the spine",
        "from the neck",
        "heels");
    // the seed's "from top to bottom and back", without "bottom" (heard as the buttocks) or "back"
    mentions(
        all(s.get(3)),
        "circles",
        "palms on both sides of the spine",
        "down to the waist",
        "up to the shoulders");
    // "avoid pressing on the spinal column", worded positively
    mentions(
        all(s.get(4)),
        "buttocks",
        "backs of your thumbs",
        "down over the buttocks, then up again",
        "soft, light and rhythmic",
        "keep your thumbs off the spine");
    mentions(all(s.get(5)), "to finish", "gently stroke", "legs", "feet");
  }

  @Test
  void dailyBackMassage_hasTheLighterSetInOrder() {
    Routine r = seed("daily-back-massage");
    assertEquals(
        List.of("stroking-up-the-back", "pincer-kneading", "vibrating-tapping", "final-stroking"),
        r.steps().stream().map(Step::id).collect(Collectors.toList()));
    List<Step> s = r.steps();
    mentions(
        all(s.get(0)),
        "hold your baby's legs",
        "from the buttocks up to the shoulders",
        "talk",
        "sing");
    mentions(
        all(s.get(1)),
        "long muscles beside the spine",
        "thumb, index and middle finger",
        "lower back",
        "pincer",
        "upward");
    // the seed keeps tapping off the spine: "beside the spine only", said positively
    mentions(all(s.get(2)), "tap", "lightly", "both hands", "vibrates", "beside the spine only");
    mentions(all(s.get(3)), "as you did at the start", "from the buttocks up to the shoulders");
  }

  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage"})
  void seed_carriesTheArticlesConditions(String id) {
    Routine r = seed(id);
    String preparation = String.join(" ", r.preparation());
    mentions(
        preparation,
        "warm and well aired",
        "good mood",
        "crying or restless",
        "another time",
        "warm, dry and clean",
        "comfortable",
        "five to ten minutes");
    String safety = String.join(" ", r.safety());
    mentions(safety, "spine", "tummy time short", "cry", "restless", "stop");
    // the rest afterwards is spoken by the planner after every closing (TimelinePlanner.REST_TEXT)
    mentions(r.closing(), "tummy");
    String prompts =
        r.steps().stream()
            .flatMap(s -> s.prompts().stream())
            .map(Prompt::say)
            .collect(Collectors.joining(" "));
    mentions(prompts, "talking or singing to your baby", "spine");
    assertTrue(prompts.contains("fuss"), "a prompt asks the parent to watch the baby's mood");
  }

  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage", "evening-stroking"})
  void seed_promptsSitWellInsideTheirSteps(String id) {
    for (Step s : seed(id).steps()) {
      for (Prompt p : s.prompts()) {
        if (p instanceof Prompt.At at) {
          assertTrue(at.at() >= 20, s.id() + ": leaves the instruction room, at " + at.at());
          assertTrue(
              s.seconds() - at.at() >= 12, s.id() + ": not near the step's end, at " + at.at());
        } else {
          assertTrue(((Prompt.Every) p).every() >= 20, s.id() + ": every period at least 20 s");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage", "evening-stroking"})
  void seed_spokenTextIsPlainAndShort(String id) {
    Routine r = seed(id);
    List<String> spoken = new ArrayList<>();
    spoken.addAll(r.preparation());
    spoken.addAll(r.safety());
    spoken.add(r.closing());
    Set<String> promptTexts = new HashSet<>();
    for (Step s : r.steps()) {
      spoken.add(s.say());
      spoken.add(s.title());
      for (Prompt p : s.prompts()) {
        spoken.add(p.say());
        assertTrue(promptTexts.add(p.say()), "prompt said twice: " + p.say());
      }
    }
    for (String text : spoken) {
      assertTrue(!UNSPEAKABLE.matcher(text).find(), "TTS-unfriendly characters in: " + text);
      for (String sentence : text.split("[.!?]")) {
        int words = sentence.isBlank() ? 0 : sentence.trim().split("\\s+").length;
        assertTrue(
            words <= 20, "sentence too long to follow by ear (" + words + " words): " + sentence);
      }
    }
  }

  @Test
  void eveningStroking_isShortAndStrokingOnly() {
    Routine r = seed("evening-stroking");
    long total = r.writtenLength().toSeconds();
    assertTrue(total >= 4 * 60 && total <= 6 * 60, "about five minutes as written, got " + total);
    assertTrue(r.minutes().contains(5));
    for (Step s : r.steps()) {
      String text = (s.title() + " " + all(s)).toLowerCase(Locale.ROOT);
      assertTrue(text.contains("strok"), s.id() + " strokes");
      for (String other : List.of("rub", "tap", "pincer", "knead", "press")) {
        assertTrue(!text.contains(other), s.id() + " is stroking only, but says " + other);
      }
    }
    String safety = String.join(" ", r.safety());
    mentions(safety, "soft and light", "tummy time short", "young baby", "cry", "restless", "stop");
    mentions(
        String.join(" ", r.preparation()),
        "warm and well aired",
        "warm, dry and clean",
        "crying or restless",
        "another time");
    mentions(r.closing(), "tummy");
  }

  /**
   * The baby is laid on the tummy last, just before "Ready?" (the planner speaks the checklist
   * last).
   */
  @ParameterizedTest
  @ValueSource(strings = {"back-massage", "daily-back-massage", "evening-stroking"})
  void seed_preparationEndsByLayingTheBabyOnTheTummy(String id) {
    List<String> preparation = seed(id).preparation();
    String last = preparation.get(preparation.size() - 1).toLowerCase(Locale.ROOT);
    mentions(last, "lay your baby on the tummy", "comfortable");
    for (String earlier : preparation.subList(0, preparation.size() - 1)) {
      assertTrue(
          !earlier.toLowerCase(Locale.ROOT).contains("tummy"),
          "tummy before the last item: " + earlier);
    }
  }
}
