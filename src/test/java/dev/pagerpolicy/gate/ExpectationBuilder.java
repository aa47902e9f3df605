package dev.pagerpolicy.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link Expectation} field by field, as a scenario file would state it. */
final class ExpectationBuilder {
    private Expectation.TargetExpectation target;
    private String action;
    private Duration ackWithin;
    private Instant notBefore;
    private Boolean deferred;
    private List<String> recommendations;
    private final List<Expectation.FollowUpExpectation> followUps = new ArrayList<>();
    private List<String> escalation;
    private Boolean fallback;
    private List<String> notPaged;
    private List<String> rulesFired;
    private List<String> reasons;

    ExpectationBuilder target(String team, String role) {
        target = new Expectation.TargetExpectation(team, role);
        return this;
    }

    ExpectationBuilder action(String value) {
        action = value;
        return this;
    }

    ExpectationBuilder ackWithin(Duration value) {
        ackWithin = value;
        return this;
    }

    ExpectationBuilder notBefore(Instant value) {
        notBefore = value;
        return this;
    }

    ExpectationBuilder deferred(boolean value) {
        deferred = value;
        return this;
    }

    ExpectationBuilder recommendations(String... values) {
        recommendations = List.of(values);
        return this;
    }

    ExpectationBuilder followUp(String team, String role, String followUpAction) {
        followUps.add(new Expectation.FollowUpExpectation(team, role, followUpAction));
        return this;
    }

    ExpectationBuilder escalation(String... teams) {
        escalation = List.of(teams);
        return this;
    }

    ExpectationBuilder fallback(boolean value) {
        fallback = value;
        return this;
    }

    ExpectationBuilder notPaged(String... teams) {
        notPaged = List.of(teams);
        return this;
    }

    ExpectationBuilder rulesFired(String... rules) {
        rulesFired = List.of(rules);
        return this;
    }

    ExpectationBuilder reasons(String... texts) {
        reasons = List.of(texts);
        return this;
    }

    Expectation build() {
        return new Expectation(target, action, ackWithin, notBefore, deferred, recommendations, followUps, escalation,
                fallback, notPaged, rulesFired, reasons);
    }
}
