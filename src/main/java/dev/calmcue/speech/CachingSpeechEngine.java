package dev.calmcue.speech;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A speech engine in front of a slow one: clips come from memory, then from the {@link
 * SpeechCache}, and only then from the real engine, which is created on the first miss. When every
 * text a session needs is cached, the real engine (and its 250 ms voice load) never happens.
 *
 * <p>Safe to use from several threads: {@link #cached} never waits for synthesis, and the real
 * engine is entered by one thread at a time. Returned clips are shared; do not modify their
 * samples.
 */
public final class CachingSpeechEngine implements SpeechEngine {
  private final ResolvedVoice voice;
  private final Supplier<? extends SpeechEngine> engineFactory;
  private final SpeechCache cache;
  private final ConcurrentHashMap<String, Pcm> memo = new ConcurrentHashMap<>();
  private final Object engineLock = new Object();
  private SpeechEngine engine; // guarded by engineLock; null until the first miss
  private boolean closed; // guarded by engineLock

  /**
   * @param voice what {@code engineFactory}'s engine will be; answers name, voice, rate and key
   *     without creating it
   * @param engineFactory makes the real engine, at most once, on the first cache miss
   */
  public CachingSpeechEngine(
      ResolvedVoice voice, Supplier<? extends SpeechEngine> engineFactory, SpeechCache cache) {
    this.voice = Objects.requireNonNull(voice, "voice");
    this.engineFactory = Objects.requireNonNull(engineFactory, "engineFactory");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  @Override
  public String name() {
    return voice.engine();
  }

  @Override
  public String voice() {
    return voice.voice();
  }

  @Override
  public int sampleRate() {
    return voice.sampleRate();
  }

  @Override
  public String settingsKey() {
    return voice.settingsKey();
  }

  /** Rate, voice and sample rate this engine speaks with. */
  public ResolvedVoice resolvedVoice() {
    return voice;
  }

  /** The cache behind this engine (to report where it is or why it is not saving). */
  public SpeechCache cache() {
    return cache;
  }

  /**
   * The clip for {@code text} if it is already in memory or on disk; never synthesizes and never
   * loads the engine. Lets a player start the first cue before anything else is ready.
   */
  public Optional<Pcm> cached(String text) {
    Objects.requireNonNull(text, "text");
    Pcm known = memo.get(text);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Pcm> stored = cache.read(voice.settingsKey(), text);
    if (stored.isEmpty() || stored.get().sampleRate() != voice.sampleRate()) {
      return Optional.empty();
    }
    Pcm first = memo.putIfAbsent(text, stored.get());
    return Optional.of(first != null ? first : stored.get());
  }

  /** Whether the real engine has been created (false as long as every text came from the cache). */
  public boolean engineStarted() {
    synchronized (engineLock) {
      return engine != null;
    }
  }

  @Override
  public Pcm synthesize(String text) {
    Optional<Pcm> hit = cached(text);
    if (hit.isPresent()) {
      return hit.get();
    }
    synchronized (engineLock) {
      Pcm known = memo.get(text);
      if (known != null) {
        return known; // another thread made it while this one waited
      }
      Pcm pcm = startedEngine().synthesize(text);
      if (pcm.sampleRate() != voice.sampleRate()) {
        throw new IllegalStateException(
            voice.engine() + " made " + pcm.sampleRate() + " Hz, expected " + voice.sampleRate());
      }
      cache.write(voice.settingsKey(), text, pcm);
      memo.put(text, pcm);
      return pcm;
    }
  }

  /** Closes the real engine if it was started. Cached clips stay readable. */
  /**
   * Starts making {@code text} on a daemon thread, so the voice loads while the caller does other
   * work; a no-op in effect when the text is cached (the voice is then never loaded). A failure
   * here is not reported: the same one surfaces on the next real use. Calling it twice costs a
   * thread, not a second synthesis (the memo serves the second).
   */
  public void warmUpInBackground(String text) {
    Thread t =
        new Thread(
            () -> {
              try {
                synthesize(text);
              } catch (RuntimeException e) {
                // reported when the session is prepared
              }
            },
            "calmcue-voice-warm-up");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    synchronized (engineLock) {
      closed = true;
      if (engine != null) {
        engine.close();
        engine = null;
      }
    }
  }

  private SpeechEngine startedEngine() {
    if (closed) {
      throw new IllegalStateException("speech engine is closed");
    }
    if (engine == null) {
      SpeechEngine made = engineFactory.get();
      if (!made.settingsKey().equals(voice.settingsKey())) {
        made.close();
        throw new IllegalStateException(
            "engine speaks as " + made.settingsKey() + ", expected " + voice.settingsKey());
      }
      engine = made;
    }
    return engine;
  }
}
