package dev.calmcue.voice;

import dev.calmcue.music.LullabyAudio;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Utterances laid one after another with silence between, as a microphone would hear a parent,
 * under one listening condition (quiet, noise, reverb plus noise). Remembers where each utterance
 * is, so a hypothesis can be matched to what was said.
 */
final class SpokenStream {
  enum Condition {
    QUIET,
    /** SoX pink noise at 21 dB SNR (speech RMS over noise RMS). */
    NOISE,
    /** SoX reverb, then the same noise. */
    REVERB_NOISE,
    /** The lullaby bed playing on, 20 dB under the voice (with a trace of noise). */
    LULLABY_20DB,
    /** The lullaby 10 dB under the voice: the speaker across the room. */
    LULLABY_10DB,
    /** The lullaby as loud as the voice: a microphone beside the speaker. */
    LULLABY_0DB;

    /** How far the lullaby is under the voice, dB; NaN without it. */
    double lullabyDb() {
      return switch (this) {
        case LULLABY_20DB -> 20;
        case LULLABY_10DB -> 10;
        case LULLABY_0DB -> 0;
        case QUIET, NOISE, REVERB_NOISE -> Double.NaN;
      };
    }

    /** The rooms every recognition figure is given for; the lullaby is measured on its own. */
    static final List<Condition> ROOMS = List.of(QUIET, NOISE, REVERB_NOISE);
  }

  record Said(String label, String text, long startMs, long endMs) {}

  static final int RATE = 16_000;
  private static final double SNR_DB = 21;

  final List<Said> said = new ArrayList<>();
  final short[] pcm;

  private SpokenStream(short[] pcm) {
    this.pcm = pcm;
  }

  /** Each utterance with 1.2 s of room before it and 1.0 s after the last. */
  static SpokenStream of(
      List<String> labels, List<String> texts, List<short[]> clips, Condition c, int seed) {
    int gap = RATE * 12 / 10;
    int total = gap;
    for (short[] clip : clips) {
      total += clip.length + gap;
    }
    double[] mix = new double[total];
    List<Said> where = new ArrayList<>();
    int at = gap;
    double speechEnergy = 0;
    long speechSamples = 0;
    for (int i = 0; i < clips.size(); i++) {
      short[] clip =
          c == Condition.REVERB_NOISE ? SyntheticSpeech.reverb(clips.get(i)) : clips.get(i);
      for (int k = 0; k < clip.length; k++) {
        mix[at + k] = clip[k];
        if (Math.abs(clip[k]) > 300) {
          speechEnergy += (double) clip[k] * clip[k];
          speechSamples++;
        }
      }
      where.add(
          new Said(
              labels.get(i), texts.get(i), at * 1000L / RATE, (at + clip.length) * 1000L / RATE));
      at += clip.length + gap;
    }
    Random r = new Random(seed);
    if (c == Condition.QUIET || !Double.isNaN(c.lullabyDb())) {
      // a real microphone never hears digital zero; Sphinx segments worse on it
      for (int k = 0; k < total; k++) {
        mix[k] += r.nextGaussian() * 3;
      }
    }
    if (c == Condition.LULLABY_10DB || c == Condition.LULLABY_0DB) {
      addUnder(
          mix,
          LullabyAudio.bed(RATE, 60, 30),
          speechEnergy,
          speechSamples,
          c == Condition.LULLABY_10DB ? 10 : 0,
          r);
    } else if (c != Condition.QUIET) {
      short[] noise = SyntheticSpeech.pinkNoise(30, seed % 4);
      double noiseEnergy = 0;
      for (short s : noise) {
        noiseEnergy += (double) s * s;
      }
      double speechRms = Math.sqrt(speechEnergy / Math.max(1, speechSamples));
      double noiseRms = Math.sqrt(noiseEnergy / noise.length);
      double gain = speechRms / Math.pow(10, SNR_DB / 20) / noiseRms;
      int offset = r.nextInt(noise.length);
      for (int k = 0; k < total; k++) {
        mix[k] += noise[(k + offset) % noise.length] * gain;
      }
    }
    short[] out = new short[total];
    for (int k = 0; k < total; k++) {
      out[k] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(mix[k])));
    }
    SpokenStream s = new SpokenStream(out);
    s.said.addAll(where);
    return s;
  }

  /** Adds {@code bed}, looped from a random place, {@code db} under the speech's RMS. */
  private static void addUnder(
      double[] mix, short[] bed, double speechEnergy, long speechSamples, double db, Random r) {
    double bedEnergy = 0;
    for (short s : bed) {
      bedEnergy += (double) s * s;
    }
    double speechRms = Math.sqrt(speechEnergy / Math.max(1, speechSamples));
    double gain = speechRms / Math.pow(10, db / 20) / Math.sqrt(bedEnergy / bed.length);
    int offset = r.nextInt(bed.length);
    for (int k = 0; k < mix.length; k++) {
      mix[k] += bed[(k + offset) % bed.length] * gain;
    }
  }

  /** What was said where {@code h} was heard (the closest utterance it overlaps), or null. */
  Said match(Hypothesis h) {
    Said best = null;
    long bestOverlap = 0;
    for (Said s : said) {
      long overlap =
          Math.min(h.endMs(), s.endMs() + 500) - Math.max(h.startMs(), s.startMs() - 500);
      if (overlap > bestOverlap) {
        best = s;
        bestOverlap = overlap;
      }
    }
    return best;
  }
}
