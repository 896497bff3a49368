package dev.calmcue.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calmcue.CalmcueException;
import dev.calmcue.routine.CatalogEntry.Origin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutineCatalogTest {
  @TempDir Path tmp;
  Path project;
  Path user;

  @BeforeEach
  void folders() throws IOException {
    project = Files.createDirectories(tmp.resolve("project/routines"));
    user = Files.createDirectories(tmp.resolve("user/calmcue/routines"));
  }

  private static String routine(String id, String title, int seconds) {
    return "{\"schemaVersion\": 1, \"id\": \""
        + id
        + "\", \"title\": \""
        + title
        + "\", \"minutes\": {\"min\": 1, \"max\": 10},\n"
        + " \"steps\": [ {\"id\": \"s\", \"title\": \"S\", \"say\": \"Go.\", \"seconds\": "
        + seconds
        + "} ]}\n";
  }

  private static Path put(Path dir, String file, String json) throws IOException {
    Path f = dir.resolve(file);
    Files.writeString(f, json);
    return f;
  }

  private RoutineCatalog foldersOnly() {
    return new RoutineCatalog(project, user, false);
  }

  @Test
  void catalog_resolvesIdFromProjectFolder() throws IOException {
    put(project, "calm.json", routine("calm", "Calm", 60));
    assertEquals("Calm", foldersOnly().resolve("calm").title());
  }

  @Test
  void catalog_resolvesIdFromUserFolderWhenProjectLacksIt() throws IOException {
    put(user, "mine.json", routine("mine", "Mine", 60));
    assertEquals("Mine", foldersOnly().resolve("mine").title());
  }

  @Test
  void catalog_projectCopyWinsOverUserCopy() throws IOException {
    put(project, "calm.json", routine("calm", "Project calm", 60));
    Path userCopy = put(user, "calm.json", routine("calm", "User calm", 60));
    RoutineCatalog catalog = foldersOnly();
    assertEquals("Project calm", catalog.resolve("calm").title());
    CatalogEntry e = catalog.entries().get(0);
    assertEquals(Origin.PROJECT, e.origin());
    assertEquals(List.of(userCopy.toString()), e.hides());
  }

  @Test
  void catalog_doesNotMentionIdenticalCopies() throws IOException {
    put(project, "calm.json", routine("calm", "Calm", 60));
    put(user, "calm.json", routine("calm", "Calm", 60));
    assertEquals(List.of(), foldersOnly().entries().get(0).hides());
  }

  @Test
  void catalog_treatsArgumentWithSlashOrJsonSuffixAsPath() throws IOException {
    Path f = put(tmp, "elsewhere.json", routine("elsewhere", "Elsewhere", 60));
    RoutineCatalog catalog = foldersOnly();
    assertEquals("Elsewhere", catalog.resolve(f.toString()).title());
    RoutineException missing =
        assertThrows(RoutineException.class, () -> catalog.resolve("calm.json"));
    assertEquals("calm.json: no such file", missing.getMessage());
    RoutineException missingDir =
        assertThrows(RoutineException.class, () -> catalog.resolve("some/dir/calm"));
    assertEquals("some/dir/calm: no such file", missingDir.getMessage());
  }

  @Test
  void catalog_pathIsNotLookedUpAsId() throws IOException {
    put(project, "calm.json", routine("calm", "Calm", 60));
    assertThrows(RoutineException.class, () -> foldersOnly().resolve("./calm"));
  }

  @Test
  void catalog_unknownIdIsInputErrorListingKnownIds() throws IOException {
    put(project, "b.json", routine("b", "B", 60));
    put(user, "a.json", routine("a", "A", 60));
    CalmcueException e = assertThrows(CalmcueException.class, () -> foldersOnly().resolve("xyz"));
    assertEquals(CalmcueException.Kind.INPUT, e.kind());
    assertEquals("unknown routine 'xyz' (known: a, b; see 'calmcue list')", e.getMessage());
  }

  @Test
  void catalog_mistypedIdGetsDidYouMean() throws IOException {
    put(project, "back-massage.json", routine("back-massage", "Back", 60));
    put(project, "tummy-time.json", routine("tummy-time", "Tummy", 60));
    CalmcueException e =
        assertThrows(CalmcueException.class, () -> foldersOnly().resolve("bak-masage"));
    assertEquals(
        "unknown routine 'bak-masage'; did you mean 'back-massage'?"
            + " (known: back-massage, tummy-time; see 'calmcue list')",
        e.getMessage());
  }

  @Test
  void catalog_idsMatchWhateverTheCase() throws IOException {
    put(project, "back-massage.json", routine("back-massage", "Back", 60));
    assertEquals("back-massage", foldersOnly().resolve("Back-MASSAGE").id());
  }

  @Test
  void catalog_unknownIdWithEmptyCatalogSaysNone() {
    CalmcueException e =
        assertThrows(CalmcueException.class, () -> foldersOnly().resolve("Back Massage"));
    assertEquals(
        "unknown routine 'Back Massage' (known: none; see 'calmcue list')", e.getMessage());
  }

  @Test
  void catalog_listsEntriesSortedWithTheirDetails() throws IOException {
    Path b = put(project, "b.json", routine("b", "Bee", 90));
    Path a = put(user, "a.json", routine("a", "Ay", 60));
    List<CatalogEntry> entries = foldersOnly().entries();
    assertEquals(
        List.of(
            new CatalogEntry(
                "a",
                "Ay",
                new MinutesRange(1, 10),
                1,
                Duration.ofSeconds(60),
                Origin.USER,
                a.toString(),
                null,
                List.of()),
            new CatalogEntry(
                "b",
                "Bee",
                new MinutesRange(1, 10),
                1,
                Duration.ofSeconds(90),
                Origin.PROJECT,
                b.toString(),
                null,
                List.of())),
        entries);
  }

  @Test
  void catalog_listsBrokenFileWithItsFirstProblem() throws IOException {
    put(project, "good.json", routine("good", "Good", 60));
    Path bad =
        put(
            user,
            "bad.json",
            routine("bad", "Bad", 0).replace("\"title\": \"Bad\"", "\"title\": 3"));
    List<CatalogEntry> entries = foldersOnly().entries();
    assertEquals(
        List.of("bad", "good"),
        entries.stream().map(CatalogEntry::id).collect(Collectors.toList()));
    CatalogEntry broken = entries.get(0);
    assertTrue(broken.broken());
    assertNull(broken.title());
    assertEquals(
        bad + ":1:44: title: must be text in double quotes, got 3", broken.problem().render());
    assertFalse(entries.get(1).broken());
  }

  @Test
  void catalog_resolvingBrokenIdGivesAllItsProblems() throws IOException {
    put(user, "bad.json", routine("bad", "Bad", 0).replace("\"title\": \"Bad\"", "\"title\": 3"));
    RoutineException e = assertThrows(RoutineException.class, () -> foldersOnly().resolve("bad"));
    assertEquals(2, e.problems().size());
  }

  @Test
  void catalog_brokenUserCopyStillHidesBuiltInOne() throws IOException {
    put(project, "back-massage.json", "{");
    RoutineCatalog catalog = new RoutineCatalog(project, user);
    CatalogEntry e =
        catalog.entries().stream()
            .filter(x -> x.id().equals("back-massage"))
            .findFirst()
            .orElseThrow();
    assertTrue(e.broken());
    assertEquals(List.of("built-in/back-massage.json"), e.hides());
    assertThrows(RoutineException.class, () -> catalog.resolve("back-massage"));
  }

  @Test
  void catalog_requiresFileNameToMatchId() throws IOException {
    Path copy = put(user, "my-massage.json", routine("calm", "Copied", 60));
    CatalogEntry e = foldersOnly().entries().get(0);
    assertEquals("my-massage", e.id());
    assertEquals(
        copy
            + ": id: the id 'calm' does not match the file name; in a routines folder the file must"
            + " be named calm.json (or set the id to 'my-massage')",
        e.problem().render());
  }

  @Test
  void catalog_ignoresSchemaHiddenAndNonJsonFiles() throws IOException {
    put(project, "schema.json", "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}");
    put(project, ".calm.json", routine("calm", "Calm", 60));
    put(project, "notes.txt", "hello");
    assertEquals(List.of(), foldersOnly().entries());
  }

  @Test
  void catalog_missingFoldersAreFine() {
    RoutineCatalog catalog = new RoutineCatalog(tmp.resolve("nope"), tmp.resolve("nope2"), false);
    assertEquals(List.of(), catalog.entries());
    assertEquals(
        List.of(
            "project: " + tmp.resolve("nope") + " (not there)",
            "user: " + tmp.resolve("nope2") + " (not there)"),
        catalog.searched());
  }

  @Test
  void catalog_hasSeedRoutinesBuiltIn() {
    RoutineCatalog catalog = new RoutineCatalog(null, null, true);
    List<CatalogEntry> entries = catalog.entries();
    assertEquals(
        List.of("back-massage", "daily-back-massage", "evening-stroking"),
        entries.stream().map(CatalogEntry::id).collect(Collectors.toList()));
    assertTrue(entries.stream().allMatch(e -> e.origin() == Origin.BUILT_IN && !e.broken()));
    assertEquals("Back massage", catalog.resolve("back-massage").title());
  }

  @Test
  void catalog_readsBuiltInRoutinesFromAJar() throws IOException {
    Path jar = tmp.resolve("calmcue.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("calmcue/routines/"));
      out.closeEntry();
      entry(out, "calmcue/routines/jarred.json", routine("jarred", "From the jar", 60));
      entry(out, "calmcue/routines/other/ignored.json", routine("ignored", "Nested", 60));
    }
    try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      RoutineCatalog catalog = new RoutineCatalog(null, null, cl);
      List<CatalogEntry> entries = catalog.entries();
      assertEquals(1, entries.size(), entries::toString);
      assertEquals("built-in/jarred.json", entries.get(0).file());
      assertEquals("From the jar", catalog.resolve("jarred").title());
    }
  }

  private static void entry(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream o = out;
    o.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  @Test
  void catalog_environmentChoosesFolders() {
    Path home = Path.of("/home/parent");
    RoutineCatalog fromEnv =
        RoutineCatalog.fromEnvironment(
            Map.of("CALMCUE_HOME", "/opt/calmcue", "XDG_DATA_HOME", "/data"), home);
    assertEquals(
        List.of(
            "project: /opt/calmcue/routines (not there)",
            "user: /data/calmcue/routines (not there)",
            "built-in: inside the calmcue jar"),
        fromEnv.searched());
    RoutineCatalog defaults =
        RoutineCatalog.fromEnvironment(Map.of("XDG_DATA_HOME", "relative/is/ignored"), home);
    assertTrue(
        defaults.searched().get(0).startsWith("project: routines"), defaults.searched()::toString);
    assertEquals(
        "user: /home/parent/.local/share/calmcue/routines (not there)", defaults.searched().get(1));
  }
}
