package dev.pagerpolicy.app;

import dev.pagerpolicy.source.InvalidSourceException;

/**
 * Stops start-up when the rules or policies are invalid. Its message is the list of problems, one
 * {@code FILE:LINE: message} per line, the same text the {@code check} command prints; it carries no stack
 * trace because the problem is in the files, not in the code.
 */
public class RefusedToStartException extends RuntimeException {
    public RefusedToStartException(InvalidSourceException cause) {
        super("pager-policy cannot start: the rules or policies are invalid\n" + cause.getMessage(), null, false, false);
    }
}
