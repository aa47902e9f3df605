package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.AlertInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One case of a scenario file: an alert, the time it is evaluated at, and what the decision must say.
 *
 * @param at the clock for this case; overrides the alert's {@code firedAt}. A scenario with neither is
 *           evaluated at the current time, which only suits rules that do not depend on it.
 */
public record Scenario(@NotBlank String name, Instant at, @NotNull @Valid AlertInput alert,
                       @NotNull @Valid Expectation expect) {
}
