package dev.pagerpolicy.reload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one reload did.
 *
 * @param id       the number of the request it answers ({@code POST /v1/ruleset/reload} answers it at once)
 * @param trigger  what asked for it: {@code api}, {@code file-watcher}
 * @param result   {@code success} (a new set is active), {@code unchanged} (the files give the active version) or
 *                 {@code failed} (the previous set is still active)
 * @param version  the version the files gave, when they could be built
 * @param problems every reason it failed, as {@code FILE:LINE: message}
 */
public record ReloadAttempt(long id, Instant at, String trigger, String result, String version, Duration took,
                            List<String> problems) {
    public static final String SUCCESS = "success";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    public ReloadAttempt {
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return FAILED.equals(result);
    }
}
