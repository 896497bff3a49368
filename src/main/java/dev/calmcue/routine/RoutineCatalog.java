package dev.calmcue.routine;

import dev.calmcue.CalmcueException;
import dev.calmcue.files.BaseDirs;
import dev.calmcue.routine.CatalogEntry.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Where routines come from, searched in order: the project's {@code routines/} folder, the user's
 * routine folder, then the seed routines bundled in the jar. The first copy of an id wins. In a
 * folder, a routine's file is named after its id ({@code back-massage.json}), so finding one is a
 * single look.
 */
public final class RoutineCatalog {
  /** Where the build puts the seed routines inside the jar (see pom.xml). */
  public static final String BUILT_IN_RESOURCES = "calmcue/routines/";

  private static final String SCHEMA_FILE = "schema.json";

  private final List<Source> sources;
  private final RoutineLoader loader = new RoutineLoader();

  /** A place routines are kept. */
  private sealed interface Source {
    Origin origin();

    /** Shown in messages and {@code list}. */
    String where();

    Optional<Candidate> find(String id);

    List<Candidate> all();
  }

  /** One routine file found in a source, not yet read. */
  private record Candidate(String id, Origin origin, String file, Source source) {}

  private record Folder(Origin origin, Path dir) implements Source {
    @Override
    public String where() {
      return dir + (Files.isDirectory(dir) ? "" : " (not there)");
    }

    @Override
    public Optional<Candidate> find(String id) {
      Path f = dir.resolve(id + ".json");
      // The schema lives beside the routines but is not one (as in all()).
      return Files.exists(f) && !SCHEMA_FILE.equals(id + ".json")
          ? Optional.of(new Candidate(id, origin, f.toString(), this))
          : Optional.empty();
    }

    @Override
    public List<Candidate> all() {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      List<Candidate> found = new ArrayList<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
        for (Path f : files) {
          String name = f.getFileName().toString();
          if (!name.startsWith(".") && !name.equals(SCHEMA_FILE)) {
            found.add(new Candidate(stem(name), origin, f.toString(), this));
          }
        }
      } catch (IOException e) {
        throw CalmcueException.runtime("cannot list routines in " + dir + ": " + e.getMessage(), e);
      }
      return found;
    }
  }

  private record BuiltIn(ClassLoader classLoader) implements Source {
    @Override
    public Origin origin() {
      return Origin.BUILT_IN;
    }

    @Override
    public String where() {
      return "inside the calmcue jar";
    }

    @Override
    public Optional<Candidate> find(String id) {
      return SCHEMA_FILE.equals(id + ".json")
              || classLoader.getResource(BUILT_IN_RESOURCES + id + ".json") == null
          ? Optional.empty()
          : Optional.of(new Candidate(id, Origin.BUILT_IN, "built-in/" + id + ".json", this));
    }

    @Override
    public List<Candidate> all() {
      return resourceNames().stream()
          .filter(n -> n.endsWith(".json") && !n.equals(SCHEMA_FILE))
          .map(n -> new Candidate(stem(n), Origin.BUILT_IN, "built-in/" + n, this))
          .collect(Collectors.toList());
    }

    /** File names under {@link #BUILT_IN_RESOURCES}, whether classes are a folder or a jar. */
    private List<String> resourceNames() {
      URL url = classLoader.getResource(BUILT_IN_RESOURCES);
      if (url == null) {
        return List.of();
      }
      try {
        if (url.getProtocol().equals("file")) {
          String[] names = Path.of(url.toURI()).toFile().list();
          return names == null ? List.of() : Arrays.asList(names);
        }
        if (url.getProtocol().equals("jar")) {
          JarURLConnection c = (JarURLConnection) url.openConnection();
          c.setUseCaches(false);
          try (JarFile jar = c.getJarFile()) {
            return jar.stream()
                .map(JarEntry::getName)
                .filter(
                    n ->
                        n.startsWith(BUILT_IN_RESOURCES)
                            && n.length() > BUILT_IN_RESOURCES.length())
                .map(n -> n.substring(BUILT_IN_RESOURCES.length()))
                .filter(n -> !n.contains("/"))
                .collect(Collectors.toList());
          }
        }
        return List.of();
      } catch (IOException | URISyntaxException e) {
        throw CalmcueException.runtime("cannot list the built-in routines: " + e.getMessage(), e);
      }
    }

    InputStream open(String id) {
      InputStream in = classLoader.getResourceAsStream(BUILT_IN_RESOURCES + id + ".json");
      if (in == null) {
        throw new UncheckedIOException(new IOException("built-in routine " + id + " vanished"));
      }
      return in;
    }
  }

  /**
   * A catalog over the given folders (either may be null or missing) plus the built-in routines.
   *
   * @param projectRoutines the checkout's {@code routines/} folder, searched first
   * @param userRoutines the user's routine folder, searched second
   */
  public RoutineCatalog(Path projectRoutines, Path userRoutines) {
    this(projectRoutines, userRoutines, true);
  }

  /** As {@link #RoutineCatalog(Path, Path)}, with or without the routines bundled in the jar. */
  public RoutineCatalog(Path projectRoutines, Path userRoutines, boolean withBuiltIn) {
    this(projectRoutines, userRoutines, withBuiltIn ? RoutineCatalog.class.getClassLoader() : null);
  }

  /**
   * Built-in routines are looked up through {@code builtIn} (null for none), so tests can give a
   * jar.
   */
  RoutineCatalog(Path projectRoutines, Path userRoutines, ClassLoader builtIn) {
    List<Source> s = new ArrayList<>();
    if (projectRoutines != null) {
      s.add(new Folder(Origin.PROJECT, projectRoutines));
    }
    if (userRoutines != null) {
      s.add(new Folder(Origin.USER, userRoutines));
    }
    if (builtIn != null) {
      s.add(new BuiltIn(builtIn));
    }
    this.sources = List.copyOf(s);
  }

  /**
   * The catalog as configured by the environment: {@code CALMCUE_HOME}, {@code XDG_DATA_HOME},
   * home.
   */
  public static RoutineCatalog standard() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * The catalog for an environment: the project folder is {@code $CALMCUE_HOME/routines} (else
   * {@code ./routines}); the user folder is {@code $XDG_DATA_HOME/calmcue/routines} (else {@code
   * HOME/.local/share/calmcue/routines}).
   */
  static RoutineCatalog fromEnvironment(Map<String, String> env, Path home) {
    String calmcueHome = env.getOrDefault("CALMCUE_HOME", "");
    Path project = calmcueHome.isBlank() ? Path.of("routines") : Path.of(calmcueHome, "routines");
    return new RoutineCatalog(project, userRoutinesDir(env, home));
  }

  /** Where the user keeps their own routines; it need not exist yet. */
  public static Path userRoutinesDir(Map<String, String> env, Path home) {
    return BaseDirs.of(env, home).data().resolve("routines");
  }

  /**
   * The routine named by {@code idOrPath}: a file if it contains '/', ends with .json or is an
   * existing file; otherwise an id looked up in the sources in order, whatever its case
   * ("Back-Massage" finds back-massage). An unknown id gets the nearest known one as a suggestion.
   *
   * @throws RoutineException if the file (or the catalog's copy of the id) is not a valid routine
   * @throws CalmcueException (INPUT) if no source has the id
   */
  public Routine resolve(String idOrPath) {
    if (looksLikePath(idOrPath)) {
      return loader.load(Path.of(idOrPath));
    }
    String id = idOrPath.toLowerCase(java.util.Locale.ROOT); // ids are lower case (KEBAB)
    if (RoutineValidator.KEBAB.matcher(id).matches()) {
      for (Source s : sources) {
        Optional<Candidate> c = s.find(id);
        if (c.isPresent()) {
          return load(c.get());
        }
      }
    }
    List<String> ids = entries().stream().map(CatalogEntry::id).collect(Collectors.toList());
    String known = String.join(", ", ids);
    String guess = ClosestName.among(id, ids).map(g -> "; did you mean '" + g + "'?").orElse("");
    throw CalmcueException.input(
        "unknown routine '"
            + idOrPath
            + "'"
            + guess
            + " (known: "
            + (known.isEmpty() ? "none" : known)
            + "; see 'calmcue list')");
  }

  /**
   * Every routine id the sources hold, sorted by id; for each id the first source's copy. A file
   * that is not a valid routine is an entry with its first problem, never a failure of the whole
   * list.
   */
  public List<CatalogEntry> entries() {
    Map<String, List<Candidate>> byId = new LinkedHashMap<>();
    for (Source s : sources) {
      for (Candidate c : s.all()) {
        byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
      }
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (List<Candidate> copies : byId.values()) {
      Candidate winner = copies.get(0);
      List<String> hides = new ArrayList<>();
      for (Candidate other : copies.subList(1, copies.size())) {
        if (!sameContent(winner, other)) {
          hides.add(other.file());
        }
      }
      try {
        entries.add(CatalogEntry.of(load(winner), winner.origin(), winner.file(), hides));
      } catch (RoutineException e) {
        entries.add(
            CatalogEntry.broken(
                winner.id(), winner.origin(), winner.file(), e.problems().get(0), hides));
      }
    }
    entries.sort(Comparator.comparing(CatalogEntry::id));
    return entries;
  }

  /**
   * One line per source, in search order, e.g. {@code user: /home/a/.local/share/calmcue/routines}.
   */
  public List<String> searched() {
    return sources.stream()
        .map(s -> s.origin().label() + ": " + s.where())
        .collect(Collectors.toList());
  }

  private Routine load(Candidate c) {
    Routine r;
    if (c.source() instanceof BuiltIn b) {
      try (InputStream in = b.open(c.id())) {
        r = loader.load(in, c.file());
      } catch (IOException e) {
        throw CalmcueException.runtime("cannot read " + c.file() + ": " + e.getMessage(), e);
      }
    } else {
      r = loader.load(Path.of(c.file()));
    }
    if (!r.id().equals(c.id())) {
      throw new RoutineException(
          List.of(
              new Problem(
                  Path.of(c.file()),
                  0,
                  0,
                  "id",
                  "the id '"
                      + r.id()
                      + "' does not match the file name; in a routines folder the file must be"
                      + " named "
                      + r.id()
                      + ".json (or set the id to '"
                      + c.id()
                      + "')")));
    }
    return r;
  }

  private boolean sameContent(Candidate a, Candidate b) {
    try {
      byte[] x = bytes(a);
      return x != null && Arrays.equals(x, bytes(b));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** The file's bytes, or null when it is not something to compare (missing, too big). */
  private static byte[] bytes(Candidate c) throws IOException {
    if (c.source() instanceof BuiltIn b) {
      try (InputStream in = b.open(c.id())) {
        return in.readNBytes((int) RoutineLoader.MAX_BYTES + 1);
      }
    }
    Path p = Path.of(c.file());
    if (!Files.isRegularFile(p) || Files.size(p) > RoutineLoader.MAX_BYTES) {
      return null;
    }
    return Files.readAllBytes(p);
  }

  private static boolean looksLikePath(String s) {
    if (s.contains("/") || s.contains(java.io.File.separator) || s.endsWith(".json")) {
      return true;
    }
    try {
      return Files.isRegularFile(Path.of(s));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String stem(String fileName) {
    return fileName.substring(0, fileName.length() - ".json".length());
  }
}
