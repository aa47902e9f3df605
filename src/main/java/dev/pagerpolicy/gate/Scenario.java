package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.AlertInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * One case of a scenario file: an alert, the time it is evaluated at, and what the decision must say.
 *
 * @param at     the clock for this case; overrides the alert's {@code firedAt}. A scenario with neither is
 *               evaluated at the current time, which only suits rules that do not depend on it.
 * @param firing what is already firing when the alert comes; the rules see those of the alert's service and of the
 *               services it depends on, as the service would
 */
public record Scenario(@NotBlank String name, Instant at, @NotNull @Valid AlertInput alert,
                       List<@NotNull @Valid FiredBefore> firing, @NotNull @Valid Expectation expect) {
    public Scenario {
        firing = firing == null ? List.of() : List.copyOf(firing);
    }
}
