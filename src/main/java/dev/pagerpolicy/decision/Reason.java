package dev.pagerpolicy.decision;

/** Why a decision is what it is: the rule that contributed, and what it did in plain words. */
public record Reason(String rule, String explanation) {
}
