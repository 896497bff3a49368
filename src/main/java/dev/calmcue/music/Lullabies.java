package dev.calmcue.music;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Public-domain lullabies arranged for a music box, one bar to a stroke: a soft bass note on each
 * bar's first beat marks the stroke, the melody rings above it. The songs follow one another with a
 * bar of bass alone between them, round and round, for as long as the session lasts.
 */
final class Lullabies {
  private static final float MELODY_DOWNBEAT = 0.55f;
  private static final float MELODY = 0.45f;
  private static final float BASS = 0.4f;

  /**
   * Bars as "BASS: NOTE@BEAT NOTE@BEAT ...": the bass note sounds on beat 0; beats count from 0 in
   * quarter notes. Key of C, melody from C5 to C6, like a small music box.
   */
  private static final List<Song> SONGS =
      List.of(
          new Song(
              "Twinkle, Twinkle, Little Star",
              2,
              twice(
                  List.of(
                      "C3: C5@0 C5@1",
                      "C3: G5@0 G5@1",
                      "F3: A5@0 A5@1",
                      "C3: G5@0",
                      "F3: F5@0 F5@1",
                      "C3: E5@0 E5@1",
                      "G2: D5@0 D5@1",
                      "C3: C5@0"),
                  List.of(
                      "C3: G5@0 G5@1",
                      "F3: F5@0 F5@1",
                      "C3: E5@0 E5@1",
                      "G2: D5@0",
                      "C3: G5@0 G5@1",
                      "F3: F5@0 F5@1",
                      "C3: E5@0 E5@1",
                      "G2: D5@0"))),
          new Song(
              "Brahms' Wiegenlied (Lullaby and good night)",
              3,
              List.of(
                  "C3: E5@2 E5@2.5",
                  "C3: G5@0 E5@2 E5@2.5",
                  "C3: G5@0 E5@2 G5@2.5",
                  "F3: C6@0 B5@1 A5@2",
                  "C3: A5@0 G5@1 D5@2 E5@2.5",
                  "G2: F5@0 D5@1 D5@2 E5@2.5",
                  "G2: F5@0 D5@2 F5@2.5",
                  "G2: B5@0 A5@0.5 G5@1 B5@2",
                  "C3: C6@0 C5@2 C5@2.5",
                  "F3: C6@0 A5@2 F5@2.5",
                  "C3: G5@0 E5@2 C5@2.5",
                  "G2: F5@0 G5@1 A5@2",
                  "C3: G5@0 C5@2 C5@2.5",
                  "F3: C6@0 A5@2 F5@2.5",
                  "C3: G5@0 E5@2 C5@2.5",
                  "G2: F5@0 E5@1 D5@2",
                  "C3: C5@0")),
          new Song(
              "Hush, Little Baby",
              2,
              twice(
                  List.of(
                      "C3: G5@1",
                      "C3: E5@0 E5@0.5 E5@1 F5@1.5",
                      "G2: E5@0 D5@0.5 D5@1",
                      "G2: G5@1",
                      "G2: D5@0 D5@0.5 D5@1 E5@1.5",
                      "C3: D5@0 C5@0.5 C5@1"),
                  List.of())));

  /** The songs' notes, parsed once. */
  private static final List<List<ScoreNote>> NOTES = SONGS.stream().map(Song::notes).toList();

  private Lullabies() {}

  /** The titles, in the order they play. */
  static List<String> titles() {
    return SONGS.stream().map(Song::title).toList();
  }

  /** Every note of the endless playlist, in order of its stroke. */
  static Iterator<ScoreNote> score() {
    return new Iterator<>() {
      private int song;
      private int index;
      private double offset;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public ScoreNote next() {
        List<ScoreNote> notes = NOTES.get(song);
        if (index == notes.size()) {
          // a bar of bass alone between songs, then the next song
          ScoreNote rest = new ScoreNote(offset + SONGS.get(song).bars(), Timbre.BASS, 48, BASS);
          offset += SONGS.get(song).bars() + 1;
          song = (song + 1) % SONGS.size();
          index = 0;
          return rest;
        }
        ScoreNote n = notes.get(index++);
        return new ScoreNote(offset + n.stroke(), n.timbre(), n.midi(), n.gain());
      }
    };
  }

  private static List<String> twice(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    all.addAll(first);
    return all;
  }

  /** A song's notes in strokes from its start (one bar = one stroke), sorted. */
  private record Song(String title, int beatsPerBar, List<String> barText) {
    int bars() {
      return barText.size();
    }

    List<ScoreNote> notes() {
      List<ScoreNote> notes = new ArrayList<>();
      for (int bar = 0; bar < barText.size(); bar++) {
        String[] parts = barText.get(bar).split(":");
        notes.add(new ScoreNote(bar, Timbre.BASS, midi(parts[0].trim()), BASS));
        for (String note : parts[1].trim().split(" +")) {
          String[] at = note.split("@");
          double beat = Double.parseDouble(at[1]);
          notes.add(
              new ScoreNote(
                  bar + beat / beatsPerBar,
                  Timbre.MUSIC_BOX,
                  midi(at[0]),
                  beat == 0 ? MELODY_DOWNBEAT : MELODY));
        }
      }
      return List.copyOf(notes);
    }
  }

  /** "C5" -> 72, "B5" -> 83 (naturals only: every song here is in C). */
  static int midi(String name) {
    int step =
        switch (name.charAt(0)) {
          case 'C' -> 0;
          case 'D' -> 2;
          case 'E' -> 4;
          case 'F' -> 5;
          case 'G' -> 7;
          case 'A' -> 9;
          case 'B' -> 11;
          default -> throw new IllegalArgumentException("not a note: " + name);
        };
    return 12 * (Integer.parseInt(name.substring(1)) + 1) + step;
  }

  /** One tick on every stroke, for parents who want no melody. */
  static Iterator<ScoreNote> pulse() {
    return new Iterator<>() {
      private long stroke;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public ScoreNote next() {
        if (stroke == Long.MAX_VALUE) {
          throw new NoSuchElementException();
        }
        return new ScoreNote(stroke++, Timbre.TICK, 45, 0.9f);
      }
    };
  }
}
