package dev.calmcue.voice;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the Sphinx recognizer only when asked. Sphinx's jars are not in calmcue.jar (so a plain
 * {@code play} never opens, indexes or loads them); they sit in {@code lib/} next to it. This
 * loader opens them in a class loader of their own and defines the adapter package ({@code
 * voice.sphinx}) there too, so the adapter links against them while the rest of calmcue only sees
 * {@link UtteranceDecoder}. When Sphinx is already on the class path (tests, an IDE), it is used
 * from there.
 */
public final class RecognizerLoader {
  static final String ADAPTER = "dev.calmcue.voice.sphinx.SphinxDecoder";
  private static final String ADAPTER_PACKAGE = "dev.calmcue.voice.sphinx.";
  private static final String SPHINX_PROBE = "edu/cmu/sphinx/api/Configuration.class";
  private static final String[] JARS = {"sphinx4-core.jar", "sphinx4-data.jar"};

  private RecognizerLoader() {}

  /**
   * Builds the recognizer for {@code grammar}; slow (the model loads), call it off the session
   * thread.
   */
  public static UtteranceDecoder load(CommandGrammar grammar, DecoderSettings settings)
      throws RecognizerUnavailable {
    ClassLoader own = RecognizerLoader.class.getClassLoader();
    ClassLoader loader = own.getResource(SPHINX_PROBE) != null ? own : isolated(own);
    try {
      Class<?> c = Class.forName(ADAPTER, true, loader);
      return (UtteranceDecoder)
          c.getConstructor(String.class, String.class, DecoderSettings.class)
              .newInstance(grammar.jsgf(), CommandGrammar.NAME, settings);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new RecognizerUnavailable("the speech model did not load (" + cause + ")");
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new RecognizerUnavailable("the recognizer is incomplete (" + e + ")");
    } catch (OutOfMemoryError e) {
      throw new RecognizerUnavailable("not enough memory for the speech model");
    }
  }

  /** Where Sphinx's jars are: {@code lib/} next to calmcue.jar, or the calmcue.lib property. */
  static Optional<Path> libDir() {
    String prop = System.getProperty("calmcue.lib");
    if (prop != null) {
      return Optional.of(Path.of(prop));
    }
    try {
      var source = RecognizerLoader.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path jar = Path.of(source.getLocation().toURI());
      return Optional.of((Files.isDirectory(jar) ? jar : jar.getParent()).resolve("lib"));
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static ClassLoader isolated(ClassLoader parent) throws RecognizerUnavailable {
    Path dir =
        libDir()
            .orElseThrow(() -> new RecognizerUnavailable("cannot tell where calmcue is installed"));
    List<URL> urls = new ArrayList<>();
    for (String name : JARS) {
      Path jar = dir.resolve(name);
      if (!Files.isRegularFile(jar)) {
        throw new RecognizerUnavailable(jar + " is missing (rebuild calmcue)");
      }
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new RecognizerUnavailable(jar + ": " + e.getMessage());
      }
    }
    return new AdapterLoader(urls.toArray(URL[]::new), parent);
  }

  /** Sphinx's jars, plus the adapter package defined here instead of in the parent. */
  private static final class AdapterLoader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    AdapterLoader(URL[] urls, ClassLoader parent) {
      super("calmcue-recognizer", urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(ADAPTER_PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          String file = name.replace('.', '/') + ".class";
          try (InputStream in = getParent().getResourceAsStream(file)) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] b = in.readAllBytes();
            c = defineClass(name, b, 0, b.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  /** The recognizer cannot run here; the message says why in a few words. */
  public static final class RecognizerUnavailable extends Exception {
    public RecognizerUnavailable(String message) {
      super(message);
    }
  }
}
