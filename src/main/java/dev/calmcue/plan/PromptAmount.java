package dev.calmcue.plan;

import java.util.Locale;

/** How many of a routine's prompts are spoken ({@code --prompts}). */
public enum PromptAmount {
  /**
   * Instructions, "next", the baby check and prompts marked safety; the rest is left as silence.
   */
  FEW,
  /** Every prompt the routine has. */
  NORMAL;

  /** The name used on the command line and in JSON. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
