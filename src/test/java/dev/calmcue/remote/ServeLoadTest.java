package dev.calmcue.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on 127.0.0.1 while a session plays (the fake host, its clock moved by a thread):
 * 50 event-stream pages, 1,000 API calls and 20 connections that never finish their request. The
 * control routes answer every time, and two rounds of the same load leave no more threads or open
 * files than one. Latencies are printed for the reliability notes; nothing here asserts on time.
 */
class ServeLoadTest {
  /** A safety net so a frozen server fails the test instead of hanging it; not a speed limit. */
  private static final int GUARD_MS = 60_000;

  /** Descriptors the JVM may open for itself meanwhile (class files, the selector's pipe). */
  private static final int SLACK_FDS = 6;

  /** How long closed sockets get to be noticed before open files are counted. */
  private static final int SETTLE_MS = 15_000;

  private final FakeSessionHost host = new FakeSessionHost();
  private RemoteServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void pagesCallsAndSlowClients_neverStopTheControls_norGrowThreadsOrFiles() throws Exception {
    server =
        RemoteServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            host,
            new AccessPolicy.LocalOnly(),
            new RemoteSettings(Duration.ofMillis(200), 16, line -> {}));
    StartRequest session =
        new StartRequest("back-massage", OptionalDouble.empty(), false, false, true);
    host.start(session);
    AtomicBoolean playing = new AtomicBoolean(true);
    Thread player =
        new Thread(
            () -> {
              while (playing.get()) {
                host.advance(Duration.ofMillis(1000)); // progress events for every page
                if (!host.state().running()) {
                  host.start(session); // one session after another, so there is always one
                }
                sleep(100);
              }
            },
            "fake-player");
    player.start();
    try {
      long fdsBefore = fds();
      int threadsBefore = threadsOutsideTheHttpPool();
      Round first = round(fdsBefore, threadsBefore);
      Round second = round(fdsBefore, threadsBefore);
      System.out.println("ServeLoadTest round 1: " + first);
      System.out.println("ServeLoadTest round 2: " + second);

      assertEquals(0, first.controlFailures() + second.controlFailures());
      assertEquals(1000, first.apiOk(), first::toString);
      assertEquals(1000, second.apiOk(), second::toString);
      assertTrue(first.pagesAdmitted() >= 16 && second.pagesAdmitted() >= 16, first + " " + second);
      // No growth: after each round, threads (but the HTTP pool's idle ones, which end after 30 s)
      // and open files are back to where they were before any load.
      assertTrue(first.threadsAfter() <= threadsBefore + 2, threadsBefore + " -> " + first);
      assertTrue(second.threadsAfter() <= threadsBefore + 2, threadsBefore + " -> " + second);
      // Open files stay under the server's connection cap whatever clients do. (Observed: about 20
      // more after each round, the unfinished requests' sockets; see docs/reliability.md.)
      System.out.println(
          "ServeLoadTest open files: before "
              + fdsBefore
              + ", after round 1 "
              + first.fdsAfter()
              + ", after round 2 "
              + second.fdsAfter());
      assertTrue(
          second.fdsAfter() <= fdsBefore + SLACK_FDS + RemoteServer.MAX_CONNECTIONS,
          fdsBefore + " -> " + second);
      assertTrue(
          httpPoolThreads() <= RemoteServer.MAX_CONNECTIONS + 32, "pool: " + httpPoolThreads());
    } finally {
      playing.set(false);
      player.join();
    }
  }

  record Round(
      int pagesAdmitted,
      int apiOk,
      int controlFailures,
      List<Long> controlMicros,
      List<Long> apiMicros,
      int threadsAfter,
      long fdsAfter) {
    @Override
    public String toString() {
      return "pages admitted "
          + pagesAdmitted
          + ", api ok "
          + apiOk
          + "/1000, control failures "
          + controlFailures
          + ", control ms "
          + percentiles(controlMicros)
          + ", api ms "
          + percentiles(apiMicros)
          + ", threads after "
          + threadsAfter
          + ", fds after "
          + fdsAfter;
    }
  }

  private Round round(long fdsBefore, int threadsBefore) throws Exception {
    int port = server.address().getPort();
    List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(80, r -> new Thread(r, "load-client"));
    try {
      // 20 connections that send half a request and then nothing.
      for (int i = 0; i < 20; i++) {
        Socket s = new Socket("127.0.0.1", port);
        open.add(s);
        s.getOutputStream()
            .write("GET /api/session HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
      }
      // 50 pages open event streams and keep reading them.
      List<Future<Boolean>> pages = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        pages.add(
            pool.submit(
                () -> {
                  Socket s = new Socket("127.0.0.1", port);
                  open.add(s);
                  s.setSoTimeout(GUARD_MS);
                  s.getOutputStream()
                      .write(
                          "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                  InputStream in = s.getInputStream();
                  String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                  boolean admitted = head.equals("HTTP/1.1 200");
                  if (admitted) {
                    pool.submit(() -> drain(in));
                  }
                  return admitted;
                }));
      }
      int admitted = 0;
      for (Future<Boolean> p : pages) {
        admitted += p.get() ? 1 : 0;
      }
      // 1,000 API calls from 16 callers, while the phone pauses and resumes.
      List<Long> apiMicros = Collections.synchronizedList(new ArrayList<>());
      List<Future<Integer>> calls = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        int share = c < 8 ? 63 : 62; // 8 * 63 + 8 * 62 = 1,000
        calls.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < share; i++) {
                    long t0 = System.nanoTime();
                    int status = request(port, "GET", "/api/session");
                    apiMicros.add((System.nanoTime() - t0) / 1000);
                    ok += status == 200 ? 1 : 0;
                  }
                  return ok;
                }));
      }
      List<Long> controlMicros = new ArrayList<>();
      int controlFailures = 0;
      for (int i = 0; i < 20; i++) {
        long t0 = System.nanoTime();
        int status =
            request(port, "POST", i % 2 == 0 ? "/api/session/pause" : "/api/session/resume");
        controlMicros.add((System.nanoTime() - t0) / 1000);
        controlFailures += status == 202 ? 0 : 1;
      }
      int apiOk = 0;
      for (Future<Integer> c : calls) {
        apiOk += c.get();
      }
      // Everyone leaves; the server notices (heartbeat write fails, EOF on the slow ones).
      for (Socket s : new ArrayList<>(open)) {
        s.close();
      }
      for (int i = 0; i < GUARD_MS / 50 && server.openPages() > 0; i++) {
        Thread.sleep(50);
      }
      assertEquals(0, server.openPages());
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
      // Sockets the clients closed are closed by the server soon after (EOF, failed write).
      for (int i = 0; i < SETTLE_MS / 50 && fds() > fdsBefore + SLACK_FDS; i++) {
        Thread.sleep(50);
      }
      for (int i = 0; i < GUARD_MS / 50 && threadsOutsideTheHttpPool() > threadsBefore + 2; i++) {
        Thread.sleep(50);
      }
      return new Round(
          admitted,
          apiOk,
          controlFailures,
          controlMicros,
          apiMicros,
          threadsOutsideTheHttpPool(),
          fds());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One request on its own connection ({@code Connection: close}); the status code. */
  private static int request(int port, String method, String path) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(GUARD_MS);
      String body = method.equals("POST") ? "Content-Length: 0\r\n" : "";
      s.getOutputStream()
          .write(
              (method
                      + " "
                      + path
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + body
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      s.getInputStream().readAllBytes();
      return head.length() == 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
    }
  }

  private static Void drain(InputStream in) {
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // a page reads every event
      }
    } catch (IOException closed) {
      // the test closed the socket
    }
    return null;
  }

  private static int threadsOutsideTheHttpPool() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && !t.getName().startsWith("calmcue-http-"))
            .count();
  }

  private static long httpPoolThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("calmcue-http-"))
        .count();
  }

  private static long fds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  private static String percentiles(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return "-";
    }
    return String.format(
        java.util.Locale.ROOT,
        "median %.1f / p95 %.1f / max %.1f",
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(Math.min(sorted.size() - 1, sorted.size() * 95 / 100)) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
