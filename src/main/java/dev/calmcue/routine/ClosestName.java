package dev.calmcue.routine;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelled one was probably meant to be ("sy" -> "say"). */
final class ClosestName {
  private ClosestName() {}

  /**
   * The candidate nearest to {@code name} by edit distance (a swap of two neighbours counts as one
   * edit, case is ignored), if it is near enough to be a plausible typo; ties go to the first
   * candidate.
   */
  static Optional<String> among(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    // Short names need a close match, or every unknown name would "mean" some unrelated field.
    int allowed = Math.max(1, Math.min(name.length(), best.length()) / 2);
    return bestDistance <= Math.min(allowed, 3) ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
