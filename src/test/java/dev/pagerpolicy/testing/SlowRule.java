package dev.pagerpolicy.testing;

/**
 * A rule busy for 300 ms of wall-clock time for alerts labelled {@code slow=yes}: never less, however fast the
 * machine, so that a guard far shorter than it stands for the busiest machine.
 */
public final class SlowRule {
    public static final String DRL = """
            package rules

            import dev.pagerpolicy.alert.Alert

            rule "Slow for alerts labelled slow"
                salience 100
            when
                Alert( label("slow") == "yes" )
            then
                java.time.Instant end = java.time.Instant.now().plusMillis(300);
                while (java.time.Instant.now().isBefore(end)) {
                }
            end
            """;

    private SlowRule() {
    }
}
