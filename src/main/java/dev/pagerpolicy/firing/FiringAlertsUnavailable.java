package dev.pagerpolicy.firing;

/** The store of firing alerts cannot be reached or answered in error; the message says what happened. */
public final class FiringAlertsUnavailable extends RuntimeException {
    public FiringAlertsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
