package dev.calmcue.render;

/** Told how far a render has got; called from the rendering thread, often (keep it cheap). */
@FunctionalInterface
public interface RenderProgress {
  RenderProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} samples are written. */
  void rendered(long done, long total);

  /** The render ended (written or failed); a progress display clears itself here. */
  default void finished() {}
}
