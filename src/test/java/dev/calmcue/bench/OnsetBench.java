package dev.calmcue.bench;

import dev.calmcue.audio.LineAudioSink;
import dev.calmcue.audio.SoundServer;
import dev.calmcue.plan.PlanOptions;
import dev.calmcue.routine.Routine;
import dev.calmcue.routine.RoutineCatalog;
import dev.calmcue.session.MonotonicClock;
import dev.calmcue.session.PlayerSettings;
import dev.calmcue.session.PreparedSession;
import dev.calmcue.session.SessionOutcome;
import dev.calmcue.session.SessionPlayer;
import dev.calmcue.session.SessionPreparer;
import dev.calmcue.session.SessionSettings;
import dev.calmcue.speech.SpeechEngine;
import dev.calmcue.speech.SpeechEngines;
import dev.calmcue.speech.SpeechSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Benchmark (not a test): plays a whole session through the live player on the PulseAudio null
 * sink, records it with parec, and compares every speech onset heard with the plan rendered in
 * memory through the same onset detector. Prints p50/p99/max error and the drift from the first
 * minute to the last.
 *
 * <p>Usage: OnsetBench [routine] [minutes]
 */
public final class OnsetBench {
  private static final int THRESHOLD = 600;

  private OnsetBench() {}

  public static void main(String[] args) throws Exception {
    String id = args.length > 0 ? args[0] : "back-massage";
    double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    if (SoundServer.unavailableReason().isPresent()) {
      System.out.println("no sound server: " + SoundServer.unavailableReason().get());
      System.exit(2);
    }
    Routine routine = RoutineCatalog.standard().resolve(id);
    SessionSettings settings =
        new SessionSettings(
            new PlanOptions(OptionalDouble.of(minutes), false, true, false),
            SpeechSettings.defaults(),
            80);
    PreparedSession s;
    try (SpeechEngine engine = SpeechEngines.open(settings.speech())) {
      s = new SessionPreparer(engine).prepare(routine, settings);
    }
    int rate = s.audio().sampleRate();
    SoundServer.Recorder rec = SoundServer.record();
    Thread.sleep(500);
    SessionPlayer player =
        new SessionPlayer(
            s.timeline(),
            s.sounds(),
            s.audio(),
            () -> LineAudioSink.open(rate, LineAudioSink.DEFAULT_BUFFER),
            MonotonicClock.system(),
            new PlayerSettings(Duration.ofMillis(300), Duration.ofMinutes(2), 1.0));
    long t0 = System.nanoTime();
    SessionOutcome outcome = player.run();
    long wall = System.nanoTime() - t0;
    Thread.sleep(1000);
    short[] heardPcm = rec.stop();

    short[] planned = new short[(int) s.audio().totalSamples()];
    s.audio().fill(0, planned, 0, planned.length);
    int minGap = rate / 4;
    List<Integer> expected = SoundServer.onsets(SoundServer.lowPass(planned), THRESHOLD, minGap);
    List<Integer> heard = SoundServer.onsets(SoundServer.lowPass(heardPcm), THRESHOLD, minGap);
    double[] err = match(expected, heard, rate);
    double[] abs =
        Arrays.stream(err).filter(d -> !Double.isNaN(d)).map(Math::abs).sorted().toArray();
    long missing = Arrays.stream(err).filter(Double::isNaN).count();
    List<Double> first = new ArrayList<>();
    List<Double> last = new ArrayList<>();
    StringBuilder perMinute = new StringBuilder();
    int minute = -1;
    for (int i = 0; i < err.length; i++) {
      double at = expected.get(i) / (double) rate;
      if (Double.isNaN(err[i])) {
        continue;
      }
      if ((int) (at / 60) != minute) {
        minute = (int) (at / 60);
        perMinute.append(String.format(Locale.ROOT, " %d:%+.1f", minute, err[i]));
      }
      if (at < 60) {
        first.add(err[i]);
      } else if (at > planned.length / (double) rate - 60) {
        last.add(err[i]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "session: %s, %.1f min planned, %.1f min played (wall), ending %s%n",
        id,
        s.timeline().total().toMillis() / 60000.0,
        wall / 6e10,
        outcome.ending());
    System.out.printf(
        Locale.ROOT,
        "onsets: %d planned, %d heard, %d planned not heard within 1 s%n",
        expected.size(),
        heard.size(),
        missing);
    System.out.println("error at the first onset of each minute (ms):" + perMinute);
    System.out.printf(
        Locale.ROOT,
        "onset error vs plan (ms, first onset aligned): p50 %.1f  p99 %.1f  max %.1f%n",
        pct(abs, 50),
        pct(abs, 99),
        abs[abs.length - 1]);
    StringBuilder outliers = new StringBuilder();
    for (int i = 0; i < err.length; i++) {
      if (!Double.isNaN(err[i]) && Math.abs(err[i]) > 10) {
        outliers.append(
            String.format(Locale.ROOT, " %.1fs:%+.1f", expected.get(i) / (double) rate, err[i]));
      }
    }
    System.out.println(
        "onsets off by more than 10 ms (planned time: error):"
            + (outliers.length() == 0 ? " none" : outliers));
    System.out.printf(
        Locale.ROOT,
        "drift: mean error first minute %.1f ms, last minute %.1f ms%n",
        mean(first),
        mean(last));
  }

  /**
   * Error of each planned onset: the heard onset nearest to it after aligning the first planned
   * onset with whichever of the first heard onsets lines up the most others (another program's
   * sound on the sink before ours must not skew everything). NaN where nothing was heard within a
   * second.
   */
  static double[] match(List<Integer> expected, List<Integer> heard, int rate) {
    double[] best = null;
    int bestCount = -1;
    for (int a = 0; a < Math.min(5, heard.size()); a++) {
      int offset = heard.get(a) - expected.get(0);
      double[] err = new double[expected.size()];
      int count = 0;
      for (int i = 0; i < expected.size(); i++) {
        long want = expected.get(i) + (long) offset;
        int nearest = -1;
        for (int h : heard) {
          if (nearest < 0 || Math.abs(h - want) < Math.abs(nearest - want)) {
            nearest = h;
          }
        }
        double e = (nearest - want) * 1000.0 / rate;
        err[i] = Math.abs(e) <= 1000 ? e : Double.NaN;
        if (Math.abs(e) <= 30) {
          count++;
        }
      }
      if (count > bestCount) {
        bestCount = count;
        best = err;
      }
    }
    return best;
  }

  private static double pct(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
