package dev.pagerpolicy.api.security;

/** The roles a bearer key can grant. */
public final class Roles {
    /** Ask for decisions and read the rule set's state. Open to everyone unless decide keys are configured. */
    public static final String DECIDE = "decide";
    /** Change state: reload the rules. Only with an admin key; disabled when none is configured. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
