package dev.calmcue.speech;

/**
 * One voice an engine offers.
 *
 * @param name what to pass as {@code --voice}
 * @param language language tag, e.g. {@code en-us}
 * @param description a human name, e.g. {@code English (America)}
 */
public record VoiceInfo(String name, String language, String description) {}
