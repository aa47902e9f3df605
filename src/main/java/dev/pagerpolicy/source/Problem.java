package dev.pagerpolicy.source;

/**
 * One thing wrong with a rule, policy or scenario file, printed as {@code FILE:LINE: message} so that editors
 * and CI logs can jump to it. A line of 0 means the problem concerns the file as a whole.
 */
public record Problem(String file, int line, String message) {

    public static Problem inFile(String file, String message) {
        return new Problem(file, 0, message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
