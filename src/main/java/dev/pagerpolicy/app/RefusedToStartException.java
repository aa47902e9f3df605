package dev.pagerpolicy.app;

import dev.pagerpolicy.source.InvalidSourceException;

/**
 * Stops start-up when the rules, policies or security settings are invalid. Its message is the list of problems, one
 * {@code FILE:LINE: message} per line, the same text the {@code check} command prints; it carries no stack
 * trace because the problem is in the files, not in the code.
 */
public class RefusedToStartException extends RuntimeException {
    public RefusedToStartException(InvalidSourceException cause) {
        this("pager-policy cannot start: the rules or policies are invalid\n" + cause.getMessage());
    }

    private RefusedToStartException(String message) {
        super(message, null, false, false);
    }

    /** A setting that would start a service unable to do its job, e.g. a guessable API key. */
    public static RefusedToStartException misconfigured(String problem) {
        return new RefusedToStartException("pager-policy cannot start: " + problem);
    }
}
