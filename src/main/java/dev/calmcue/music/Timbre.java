package dev.calmcue.music;

/** The few sounds the bed is made of; each is synthesised once per pitch and sample rate. */
enum Timbre {
  /** A music-box tine: bright attack, harmonics that die away faster than the fundamental. */
  MUSIC_BOX,
  /** A soft, round low note on each bar's first beat: the stroke. */
  BASS,
  /** The pulse: a short, low, warm knock with a slight downward glide, no melody. */
  TICK
}
