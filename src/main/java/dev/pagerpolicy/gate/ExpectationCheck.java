package dev.pagerpolicy.gate;

import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a decision with what a scenario expects, field by field in the words of {@link DecisionField}, wording each
 * mismatch as "expected X, got Y".
 */
final class ExpectationCheck {
    private final List<String> mismatches = new ArrayList<>();

    private ExpectationCheck() {
    }

    static List<String> mismatches(Expectation want, Decision got, List<String> firedRules) {
        ExpectationCheck check = new ExpectationCheck();
        check.compare(want, got, firedRules);
        return check.mismatches;
    }

    private void compare(Expectation want, Decision got, List<String> firedRules) {
        Outcome outcome = Outcome.of(got);
        if (want.target() != null) {
            same(DecisionField.TARGET_TEAM, want.target().team(), outcome);
            same(DecisionField.TARGET_ROLE, want.target().role(), outcome);
        }
        same(DecisionField.ACTION, want.action(), outcome);
        same(DecisionField.ACK_WITHIN, want.ackWithin(), outcome);
        same(DecisionField.NOT_BEFORE, want.notBefore(), outcome);
        same(DecisionField.DEFERRED, want.deferred(), outcome);
        if (want.fallback() == null && got.fallback()) {
            mismatches.add("expected a decision of the rules, got the fallback: " + fallbackReason(got));
        }
        same(DecisionField.FALLBACK, want.fallback(), outcome);
        for (String recommendation : want.recommendations()) {
            if (!got.recommendations().contains(recommendation)) {
                mismatches.add("expected recommendation \"" + recommendation + "\", got " + got.recommendations());
            }
        }
        for (Expectation.FollowUpExpectation followUp : want.followUps()) {
            if (got.followUps().stream().noneMatch(f -> matches(followUp, f))) {
                mismatches.add("expected follow-up " + describe(followUp) + ", got " + got.followUps().stream()
                        .map(f -> f.team() + "/" + f.role().wireName() + " " + f.action().wireName()).toList());
            }
        }
        if (want.escalation() != null && !want.escalation().equals(DecisionField.ESCALATION.valuesOf(outcome))) {
            mismatches.add("expected escalation " + want.escalation() + ", got "
                    + DecisionField.ESCALATION.valuesOf(outcome));
        }
        for (String team : want.notPaged()) {
            if (DecisionField.pages(outcome, team)) {
                mismatches.add("expected " + team + " not to be paged, but it is");
            }
        }
        for (String rule : want.rulesFired()) {
            if (!firedRules.contains(rule)) {
                mismatches.add("expected rule \"" + rule + "\" to fire, it did not");
            }
        }
        for (String text : want.reasons()) {
            // A reason's line holds its effect and value ("escalate payments-dev") as well as the author's note.
            if (got.reasons().stream().noneMatch(r -> r.line().contains(text) || r.rule().contains(text))) {
                mismatches.add("expected a reason containing \"" + text + "\", got "
                        + got.reasons().stream().map(Reason::line).toList());
            }
        }
    }

    /** What the fallback said: why the rules could not decide. */
    static String fallbackReason(Decision decision) {
        return decision.reasons().stream().filter(r -> !r.rule().equals(Reason.INPUT_MAPPING)).map(Reason::explanation)
                .findFirst().orElse("(no reason)");
    }

    private static boolean matches(Expectation.FollowUpExpectation want, FollowUp got) {
        return (want.team() == null || want.team().equals(got.team()))
                && (want.role() == null || want.role().equals(got.role().wireName()))
                && (want.action() == null || want.action().equals(got.action().wireName()));
    }

    private static String describe(Expectation.FollowUpExpectation f) {
        return (f.team() == null ? "any team" : f.team()) + (f.role() == null ? "" : "/" + f.role())
                + (f.action() == null ? "" : " " + f.action());
    }

    /** A field the scenario states ({@code want} not null) must have that one value, compared as the field's text. */
    private void same(DecisionField field, Object want, Outcome got) {
        String actual = field.textOf(got);
        if (want != null && !want.toString().equals(actual)) {
            mismatches.add("expected " + field.wireName() + " " + want + ", got " + actual);
        }
    }
}
