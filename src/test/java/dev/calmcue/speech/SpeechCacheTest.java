package dev.calmcue.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCacheTest {
  private static final String KEY = "freetts:kevin16:150wpm:16000Hz";
  private static final String TEXT = "Rest your warm hands on the baby's back.";

  @TempDir Path dir;

  private static Pcm clip(int seed, int length) {
    short[] s = Clips.noise(16_000, 1, -20, seed);
    short[] out = new short[length];
    for (int i = 0; i < length; i++) {
      out[i] = (short) (s[i % s.length] + i);
    }
    return new Pcm(16_000, out);
  }

  @Test
  void writeThenRead_returnsTheSameSamplesAndRate() {
    SpeechCache cache = new SpeechCache(dir);
    Pcm pcm = clip(1, 48_000);

    cache.write(KEY, TEXT, pcm);
    Optional<Pcm> back = new SpeechCache(dir).read(KEY, TEXT);

    assertTrue(back.isPresent());
    assertEquals(16_000, back.get().sampleRate());
    assertArrayEquals(pcm.samples(), back.get().samples());
  }

  @Test
  void emptyClip_roundTrips() {
    SpeechCache cache = new SpeechCache(dir);
    cache.write(KEY, "...", new Pcm(22_050, new short[0]));

    Pcm back = cache.read(KEY, "...").orElseThrow();

    assertEquals(0, back.length());
    assertEquals(22_050, back.sampleRate());
  }

  @Test
  void read_unknownText_isEmpty() {
    SpeechCache cache = new SpeechCache(dir);
    cache.write(KEY, TEXT, clip(1, 100));

    assertTrue(cache.read(KEY, TEXT + " ").isEmpty());
    assertTrue(cache.read(KEY, "Something else.").isEmpty());
  }

  @Test
  void read_missingDirectory_isEmptyAndCreatesNothing() {
    Path nowhere = dir.resolve("not-yet");
    assertTrue(new SpeechCache(nowhere).read(KEY, TEXT).isEmpty());
    assertFalse(Files.exists(nowhere));
  }

  @Test
  void key_includesRateVoiceAndEngine() {
    SpeechCache cache = new SpeechCache(dir);
    cache.write("freetts:kevin16:150wpm:16000Hz", TEXT, clip(1, 100));

    assertTrue(cache.read("freetts:kevin16:120wpm:16000Hz", TEXT).isEmpty(), "other rate");
    assertTrue(cache.read("espeak:kevin16:150wpm:16000Hz", TEXT).isEmpty(), "other engine");
    assertTrue(cache.read("freetts:kevin:150wpm:16000Hz", TEXT).isEmpty(), "other voice");
    assertNotEquals(
        cache.fileFor("freetts:kevin16:150wpm:16000Hz", TEXT),
        cache.fileFor("freetts:kevin16:120wpm:16000Hz", TEXT));
  }

  @Test
  void differentRates_areStoredSideBySide() {
    SpeechCache cache = new SpeechCache(dir);
    Pcm slow = clip(1, 300);
    Pcm fast = clip(2, 200);
    cache.write("freetts:kevin16:100wpm:16000Hz", TEXT, slow);
    cache.write("freetts:kevin16:200wpm:16000Hz", TEXT, fast);

    assertArrayEquals(
        slow.samples(), cache.read("freetts:kevin16:100wpm:16000Hz", TEXT).orElseThrow().samples());
    assertArrayEquals(
        fast.samples(), cache.read("freetts:kevin16:200wpm:16000Hz", TEXT).orElseThrow().samples());
  }

  @Test
  void aFifoInPlaceOfAnEntry_isIgnoredWithoutBlocking_andReplaced() throws Exception {
    SpeechCache cache = new SpeechCache(dir);
    Pcm pcm = clip(3, 1_000);
    cache.write(KEY, TEXT, pcm);
    Path file = cache.fileFor(KEY, TEXT);
    Files.delete(file);
    assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());

    Optional<Pcm> read =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cache.read(KEY, TEXT));

    assertTrue(read.isEmpty());
    cache.write(KEY, TEXT, pcm);
    assertTrue(Files.isRegularFile(file));
    assertArrayEquals(pcm.samples(), cache.read(KEY, TEXT).orElseThrow().samples());
  }

  @Test
  void corruptEntry_isIgnoredDeletedAndRebuilt() throws IOException {
    SpeechCache cache = new SpeechCache(dir);
    Pcm pcm = clip(3, 10_000);
    cache.write(KEY, TEXT, pcm);
    Path file = cache.fileFor(KEY, TEXT);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(f.length() - 1000); // flip a sample in the middle of the audio
      int b = f.read();
      f.seek(f.length() - 1000);
      f.write(b ^ 0x55);
    }

    assertTrue(cache.read(KEY, TEXT).isEmpty());
    assertFalse(Files.exists(file), "corrupt entry should be deleted");

    cache.write(KEY, TEXT, pcm);
    assertArrayEquals(pcm.samples(), cache.read(KEY, TEXT).orElseThrow().samples());
  }

  @Test
  void truncatedEntry_isIgnoredDeletedAndRebuilt() throws IOException {
    SpeechCache cache = new SpeechCache(dir);
    Pcm pcm = clip(4, 10_000);
    cache.write(KEY, TEXT, pcm);
    Path file = cache.fileFor(KEY, TEXT);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }

    assertTrue(cache.read(KEY, TEXT).isEmpty());
    assertFalse(Files.exists(file));

    cache.write(KEY, TEXT, pcm);
    assertArrayEquals(pcm.samples(), cache.read(KEY, TEXT).orElseThrow().samples());
  }

  @Test
  void garbageAndEmptyFiles_areIgnoredAndDeleted() throws IOException {
    SpeechCache cache = new SpeechCache(dir);
    Path file = cache.fileFor(KEY, TEXT);
    Files.write(file, new byte[0]);
    assertTrue(cache.read(KEY, TEXT).isEmpty());
    assertFalse(Files.exists(file));

    Files.writeString(file, "this is not a speech clip at all, just text that happens to be here");
    assertTrue(cache.read(KEY, TEXT).isEmpty());
    assertFalse(Files.exists(file));
  }

  @Test
  void entryFromAnotherFormatVersion_isIgnored() throws IOException {
    SpeechCache cache = new SpeechCache(dir);
    cache.write(KEY, TEXT, clip(5, 100));
    Path file = cache.fileFor(KEY, TEXT);
    byte[] bytes = Files.readAllBytes(file);
    bytes[4] = (byte) (SpeechCache.FORMAT_VERSION + 1);
    Files.write(file, bytes);

    assertTrue(cache.read(KEY, TEXT).isEmpty());
  }

  @Test
  void unwritableDirectory_degradesToNoCache_withoutFailing() throws IOException {
    // a regular file where the directory should be: cannot be created, even by root
    Path blocker = dir.resolve("cache");
    Files.writeString(blocker, "in the way");
    SpeechCache cache = new SpeechCache(blocker.resolve("speech"));

    cache.write(KEY, TEXT, clip(6, 100));
    cache.write(KEY, TEXT, clip(6, 100));

    assertTrue(cache.read(KEY, TEXT).isEmpty());
    assertTrue(cache.writeProblem().isPresent());
    assertTrue(cache.writeProblem().get().contains("speech"), cache.writeProblem().get());
  }

  @Test
  void write_leavesNoTemporaryFiles() throws IOException {
    SpeechCache cache = new SpeechCache(dir);
    for (int i = 0; i < 5; i++) {
      cache.write(KEY, TEXT + i, clip(i, 500));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.allMatch(p -> p.toString().endsWith(".pcm")));
    }
    assertEquals(5, cache.usage().clips());
  }

  @Test
  void write_sweepsOldTemporaryFilesLeftByACrashedProcess() throws IOException {
    Path old = dir.resolve("abc.pcm.123.tmp");
    Path fresh = dir.resolve("def.pcm.456.tmp");
    Files.writeString(old, "half an entry");
    Files.writeString(fresh, "another process is writing this right now");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3 * 3600)));

    new SpeechCache(dir).write(KEY, TEXT, clip(7, 100));

    assertFalse(Files.exists(old));
    assertTrue(Files.exists(fresh));
  }

  @Test
  void concurrentWritersAndReaders_neverSeeHalfAnEntry() throws Exception {
    // threads with their own cache objects stand in for separate calmcue processes
    Pcm pcm = clip(9, 200_000);
    new SpeechCache(dir)
        .write(KEY, TEXT, pcm); // readers always find an entry, possibly mid-replace
    List<Thread> threads = new ArrayList<>();
    AtomicInteger torn = new AtomicInteger();
    AtomicInteger hits = new AtomicInteger();
    for (int t = 0; t < 3; t++) {
      threads.add(
          new Thread(
              () -> {
                SpeechCache writer = new SpeechCache(dir);
                for (int i = 0; i < 20; i++) {
                  writer.write(KEY, TEXT, pcm);
                }
              }));
      threads.add(
          new Thread(
              () -> {
                SpeechCache reader = new SpeechCache(dir);
                for (int i = 0; i < 60; i++) {
                  Optional<Pcm> got = reader.read(KEY, TEXT);
                  if (got.isPresent()) {
                    hits.incrementAndGet();
                    if (!Arrays.equals(pcm.samples(), got.get().samples())) {
                      torn.incrementAndGet();
                    }
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }

    assertEquals(0, torn.get());
    assertEquals(3 * 60, hits.get(), "an entry being replaced must stay readable");
    assertTrue(new SpeechCache(dir).writeProblem().isEmpty());
  }

  @Test
  void disabledCache_neverStoresAnything() {
    SpeechCache cache = SpeechCache.disabled();
    cache.write(KEY, TEXT, clip(8, 100));

    assertTrue(cache.read(KEY, TEXT).isEmpty());
    assertTrue(cache.directory().isEmpty());
  }

  @Test
  void defaultDirectory_followsXdgCacheHome() {
    assertEquals(
        Path.of("/var/cache/me/calmcue/speech"),
        SpeechCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me"));
  }

  @Test
  void defaultDirectory_fallsBackToDotCache_whenXdgUnsetEmptyOrRelative() {
    Path expected = Path.of("/home/me/.cache/calmcue/speech");
    assertEquals(expected, SpeechCache.defaultDirectory(Map.of(), "/home/me"));
    assertEquals(expected, SpeechCache.defaultDirectory(Map.of("XDG_CACHE_HOME", ""), "/home/me"));
    assertEquals(
        expected, SpeechCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "rel/cache"), "/home/me"));
  }

  @Test
  void usage_countsClipsAndBytes() {
    SpeechCache cache = new SpeechCache(dir);
    cache.write(KEY, "one", clip(1, 1000));
    cache.write(KEY, "two", clip(2, 1000));

    SpeechCache.Usage usage = cache.usage();

    assertEquals(2, usage.clips());
    assertTrue(usage.bytes() > 4000);
  }
}
