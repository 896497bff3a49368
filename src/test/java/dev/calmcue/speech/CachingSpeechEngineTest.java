package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingSpeechEngineTest {
  private static final List<String> TEXTS =
      List.of("Warm your hands.", "Stroke down the back.", "Lovely, well done.");

  @TempDir Path dir;

  /** Makes fake engines and counts how many it made. */
  private static final class CountingFactory implements Supplier<FakeEngine> {
    final List<FakeEngine> made = new ArrayList<>();

    @Override
    public FakeEngine get() {
      FakeEngine e = new FakeEngine();
      made.add(e);
      return e;
    }
  }

  private CachingSpeechEngine engine(CountingFactory factory) {
    return new CachingSpeechEngine(FakeEngine.VOICE, factory, new SpeechCache(dir));
  }

  @Test
  void allTextsCached_innerEngineIsNeverCreated() {
    CountingFactory first = new CountingFactory();
    try (CachingSpeechEngine warmUp = engine(first)) {
      TEXTS.forEach(warmUp::synthesize);
    }
    assertEquals(1, first.made.size());

    CountingFactory second = new CountingFactory();
    try (CachingSpeechEngine nextRun = engine(second)) {
      for (String text : TEXTS) {
        assertArrayEquals(FakeEngine.soundOf(text).samples(), nextRun.synthesize(text).samples());
      }
      assertEquals("fake", nextRun.name());
      assertEquals(16_000, nextRun.sampleRate());
      assertEquals(FakeEngine.VOICE.settingsKey(), nextRun.settingsKey());
      assertFalse(nextRun.engineStarted());
    }
    assertEquals(0, second.made.size(), "engine was created although every text was cached");
  }

  @Test
  void firstMiss_createsInnerEngineOnce_andOnlyMissesAreSynthesized() {
    CountingFactory warm = new CountingFactory();
    try (CachingSpeechEngine e = engine(warm)) {
      e.synthesize(TEXTS.get(0));
    }

    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e = engine(factory)) {
      TEXTS.forEach(e::synthesize);
      TEXTS.forEach(e::synthesize);
      assertEquals(1, factory.made.size());
      assertEquals(TEXTS.subList(1, 3), factory.made.get(0).spoken);
    }
  }

  @Test
  void sameTextTwiceInOneProcess_isSynthesizedOnce_evenWithoutDiskCache() {
    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e =
        new CachingSpeechEngine(FakeEngine.VOICE, factory, SpeechCache.disabled())) {
      Pcm forPlanner = e.synthesize("Warm your hands.");
      Pcm forPlayer = e.synthesize("Warm your hands.");

      assertSame(forPlanner, forPlayer);
      assertEquals(List.of("Warm your hands."), factory.made.get(0).spoken);
    }
  }

  @Test
  void warmUpInBackground_makesTheTextBeforeAnyoneAsks_andOnlyOnce() throws Exception {
    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e =
        new CachingSpeechEngine(FakeEngine.VOICE, factory, SpeechCache.disabled())) {
      e.warmUpInBackground("No problem.");
      e.warmUpInBackground("No problem.");
      // a liveness wait for the background thread, not a timing assertion
      for (int i = 0; i < 3000 && e.cached("No problem.").isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertTrue(e.cached("No problem.").isPresent(), "made in the background");
      assertArrayEquals(
          FakeEngine.soundOf("No problem.").samples(), e.synthesize("No problem.").samples());
      assertEquals(1, factory.made.size());
      assertEquals(List.of("No problem."), factory.made.get(0).spoken);
    }
  }

  @Test
  void cached_neverSynthesizesOrCreatesTheEngine() {
    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e = engine(factory)) {
      assertTrue(e.cached("Not spoken yet.").isEmpty());
      assertEquals(0, factory.made.size());
    }
  }

  @Test
  void cached_findsClipsFromAnEarlierRunOnDisk() {
    try (CachingSpeechEngine e = engine(new CountingFactory())) {
      e.synthesize(TEXTS.get(1));
    }
    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e = engine(factory)) {
      Pcm pcm = e.cached(TEXTS.get(1)).orElseThrow();
      assertArrayEquals(FakeEngine.soundOf(TEXTS.get(1)).samples(), pcm.samples());
      assertSame(pcm, e.synthesize(TEXTS.get(1)), "disk hit is kept in memory");
    }
    assertEquals(0, factory.made.size());
  }

  @Test
  void otherRate_isACacheMiss() {
    try (CachingSpeechEngine e = engine(new CountingFactory())) {
      e.synthesize(TEXTS.get(0));
    }
    ResolvedVoice faster = new ResolvedVoice("fake", "tone", 200, 16_000);
    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e = new CachingSpeechEngine(faster, factory, new SpeechCache(dir))) {
      assertTrue(e.cached(TEXTS.get(0)).isEmpty());
    }
  }

  @Test
  void unwritableCache_stillSpeaks_andRemembersWithinTheProcess() throws Exception {
    Path blocker = java.nio.file.Files.writeString(dir.resolve("file"), "not a directory");
    CountingFactory factory = new CountingFactory();
    try (CachingSpeechEngine e =
        new CachingSpeechEngine(FakeEngine.VOICE, factory, new SpeechCache(blocker.resolve("x")))) {
      Pcm pcm = e.synthesize("Hello.");
      assertArrayEquals(FakeEngine.soundOf("Hello.").samples(), pcm.samples());
      assertSame(pcm, e.synthesize("Hello."));
      assertTrue(e.cache().writeProblem().isPresent());
    }
  }

  @Test
  void close_closesTheInnerEngineOnlyIfItWasCreated() {
    CountingFactory factory = new CountingFactory();
    CachingSpeechEngine e = engine(factory);
    e.close();
    assertEquals(0, factory.made.size());

    CountingFactory used = new CountingFactory();
    CachingSpeechEngine f = engine(used);
    f.synthesize("Hello.");
    f.close();
    assertTrue(used.made.get(0).closed);
    assertThrows(IllegalStateException.class, () -> f.synthesize("Something new."));
  }

  @Test
  void innerEngineWithOtherSettings_isRejected() {
    ResolvedVoice claimed = new ResolvedVoice("fake", "tone", 120, 16_000);
    try (CachingSpeechEngine e =
        new CachingSpeechEngine(claimed, new CountingFactory(), SpeechCache.disabled())) {
      assertThrows(IllegalStateException.class, () -> e.synthesize("Hello."));
    }
  }
}
