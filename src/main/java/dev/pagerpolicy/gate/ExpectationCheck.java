package dev.pagerpolicy.gate;

import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares a decision with what a scenario expects, wording each mismatch as "expected X, got Y". */
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
        if (want.target() != null) {
            same("target.team", want.target().team(), got.target().team());
            same("target.role", want.target().role(), got.target().role().wireName());
        }
        same("action", want.action(), got.action().wireName());
        same("ackWithin", want.ackWithin(), got.ackWithin());
        same("notBefore", want.notBefore(), got.notBefore());
        same("deferred", want.deferred(), got.notBefore() != null);
        if (want.fallback() == null && got.fallback()) {
            mismatches.add("expected a decision of the rules, got the fallback: " + fallbackReason(got));
        }
        same("fallback", want.fallback(), got.fallback());
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
        if (want.escalation() != null) {
            same("escalation", want.escalation(), got.escalation().stream().map(EscalationStep::team).toList());
        }
        for (String team : want.notPaged()) {
            if (isPaged(team, got)) {
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

    private static boolean isPaged(String team, Decision decision) {
        boolean target = decision.action() == Action.PAGE && decision.target().team().equals(team);
        boolean followUp = decision.followUps().stream().anyMatch(f -> f.action() == Action.PAGE && f.team().equals(team));
        boolean escalation = decision.escalation().stream().anyMatch(s -> s.team().equals(team));
        return target || followUp || escalation;
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

    private void same(String field, Object want, Object got) {
        if (want != null && !Objects.equals(want, got)) {
            mismatches.add("expected " + field + " " + want + ", got " + got);
        }
    }
}
