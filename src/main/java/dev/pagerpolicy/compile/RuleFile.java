package dev.pagerpolicy.compile;

/** One DRL file as read from disk: its path as the user names it, and its text. */
public record RuleFile(String path, String text) {
}
