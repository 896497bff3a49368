package dev.calmcue.music;

/**
 * One sound of a score.
 *
 * @param stroke where it starts, in strokes from the start of the music (a stroke is one bar)
 * @param gain loudness relative to the bed's full level, 0..1
 */
record ScoreNote(double stroke, Timbre timbre, int midi, float gain) {}
