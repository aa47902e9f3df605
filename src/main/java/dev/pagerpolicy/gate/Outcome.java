package dev.pagerpolicy.gate;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.domain.Week;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a decision does, without what only identifies or explains it (its id, reasons, policy version): two
 * rule sets decide an alert alike when their outcomes are equal.
 */
public record Outcome(String team, Role role, Action action, Duration ackWithin, Instant notBefore,
                      List<EscalationStep> escalation, Integer escalationRepeats, List<FollowUp> followUps,
                      boolean fallback) {

    public Outcome {
        escalation = List.copyOf(escalation);
        followUps = List.copyOf(followUps);
    }

    /** The time zone of each team of {@code catalog} by name; UTC for a team it does not have. */
    public static Function<String, ZoneId> zonesOf(Catalog catalog) {
        return name -> {
            Team team = catalog.teams().get(name);
            return team == null ? ZoneOffset.UTC : team.timeZone();
        };
    }

    /** The team {@code decision} pages at once, at {@code at}, outside that team's business hours; null if none. */
    public static Team pagedAtNight(Decision decision, Catalog catalog, Instant at) {
        Team target = catalog.teams().get(decision.target().team());
        return decision.action() == Action.PAGE && decision.notBefore() == null && target != null
                && !target.isWithinBusinessHours(at) ? target : null;
    }

    public static Outcome of(Decision decision) {
        return new Outcome(decision.target().team(), decision.target().role(), decision.action(),
                decision.ackWithin(), decision.notBefore(), decision.escalation(), decision.escalationRepeats(),
                decision.followUps(), decision.fallback());
    }

    /** "page analytics-dev", "page payments-dev, waits until Mon 09:00 Europe/Berlin", "ticket platform-sre (fallback)". */
    public String describe(Function<String, ZoneId> zoneOfTeam) {
        return headline() + deferral(zoneOfTeam) + (fallback ? " (fallback)" : "");
    }

    private String headline() {
        return action.wireName() + " " + team;
    }

    private String deferral(Function<String, ZoneId> zoneOfTeam) {
        return notBefore == null ? "" : ", waits until " + Week.dayAndTime(notBefore, zoneOfTeam.apply(team)) + " "
                + zoneOfTeam.apply(team);
    }

    /**
     * What changed from {@code before} to this, field by field: "page analytics-dev → ticket analytics-dev;
     * ackWithin PT5M → PT15M". The arrow means before → after only. Each side's team zones come from its own catalog.
     */
    public String changesFrom(Outcome before, Function<String, ZoneId> zonesBefore, Function<String, ZoneId> zonesNow) {
        List<String> changes = new ArrayList<>();
        if (!team.equals(before.team) || action != before.action || fallback != before.fallback) {
            changes.add(before.headline() + (before.fallback ? " (fallback)" : "") + " → " + headline()
                    + (fallback ? " (fallback)" : ""));
        }
        if (!Objects.equals(ackWithin, before.ackWithin)) {
            changes.add(DecisionField.ACK_WITHIN.wireName() + " " + orNone(before.ackWithin) + " → " + orNone(ackWithin));
        }
        if (!Objects.equals(notBefore, before.notBefore)) {
            // Only when both wait does the exact time say more than the range of the week the line covers.
            boolean bothWait = notBefore != null && before.notBefore != null;
            changes.add(waits(before, zonesBefore, bothWait) + " → " + waits(this, zonesNow, bothWait));
        }
        if (!escalation.equals(before.escalation)) {
            changes.add(DecisionField.ESCALATION.wireName() + " " + chain(before.escalation) + " → " + chain(escalation));
        }
        if (!Objects.equals(escalationRepeats, before.escalationRepeats)) {
            changes.add(DecisionField.ESCALATION_REPEATS.wireName() + " " + DecisionField.ESCALATION_REPEATS.textOf(before)
                    + " → " + DecisionField.ESCALATION_REPEATS.textOf(this));
        }
        if (!followUps.equals(before.followUps)) {
            changes.add(DecisionField.FOLLOW_UPS.wireName() + " " + DecisionField.FOLLOW_UPS.textOf(before) + " → "
                    + DecisionField.FOLLOW_UPS.textOf(this));
        }
        return String.join("; ", changes);
    }

    /** The fields a change between two outcomes is counted by, in the words of {@link DecisionField}. */
    private static final List<DecisionField> ASPECTS = List.of(DecisionField.TARGET_TEAM, DecisionField.TARGET_ROLE,
            DecisionField.ACTION, DecisionField.FALLBACK, DecisionField.ACK_WITHIN, DecisionField.NOT_BEFORE,
            DecisionField.ESCALATION, DecisionField.ESCALATION_REPEATS, DecisionField.FOLLOW_UPS);

    /** The fields that differ between two outcomes, for counting: target.team, action, ackWithin, notBefore... */
    public List<String> aspectsChangedFrom(Outcome before) {
        List<String> aspects = new ArrayList<>();
        for (DecisionField field : ASPECTS) {
            // A chain of the same teams escalating sooner or later is a changed chain too.
            boolean differs = field == DecisionField.ESCALATION ? !escalation.equals(before.escalation)
                    : !field.valuesOf(this).equals(field.valuesOf(before));
            if (differs) {
                aspects.add(field.wireName());
            }
        }
        return aspects;
    }

    private static String waits(Outcome outcome, Function<String, ZoneId> zones, boolean when) {
        if (outcome.notBefore == null) {
            return "at once";
        }
        return when ? "waits until " + Week.dayAndTime(outcome.notBefore, zones.apply(outcome.team)) + " "
                + zones.apply(outcome.team) : "waits for business hours";
    }

    private static String orNone(Duration duration) {
        return duration == null ? "none" : duration.toString();
    }

    /** "payments-dev after PT5M, then storefront-dev after PT10M": steps in words, so that → only means before → after. */
    private static String chain(List<EscalationStep> steps) {
        return steps.isEmpty() ? "none" : String.join(", then ",
                steps.stream().map(step -> step.team() + " after " + step.after()).toList());
    }
}
