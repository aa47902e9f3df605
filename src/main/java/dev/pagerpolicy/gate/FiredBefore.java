package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;

/**
 * An alert a scenario says is already firing when its alert comes: decided before, to {@code team} with
 * {@code action} (a page unless it says), since {@code since} (the scenario's time unless it says), in
 * {@code environment} (production unless it says); a page with {@code notBefore} was held for business hours until
 * then; {@code labels} are its labels of the incident's scope.
 */
public record FiredBefore(@NotBlank String service, String model, @NotNull AlertKind kind, Severity severity,
                          @NotBlank String team, Action action, Instant since, String environment,
                          Instant notBefore, Map<String, String> labels) {

    FiringAlert asFiring(int index, Instant scenarioTime) {
        return new FiringAlert("scenario firing #" + index, service, model, kind, severity,
                environment == null ? Alert.PRODUCTION : environment, since == null ? scenarioTime : since, team,
                action == null ? Action.PAGE : action, notBefore, "scenario firing #" + index, labels);
    }
}
