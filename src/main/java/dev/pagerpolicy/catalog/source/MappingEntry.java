package dev.pagerpolicy.catalog.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;

/**
 * One mapping of {@code inputs.yaml} as written: Alertmanager matchers on the raw labels, and the fields it sets,
 * each to a constant ({@code kind: outage}) or from a label ({@code service: {label: namespace, values: {...}}}).
 */
public record MappingEntry(@NotBlank String name, List<String> matchers, @NotEmpty Map<String, SettingEntry> set)
        implements NamedEntry {

    /** A constant {@code value}, or the value of {@code label} read through {@code values} when given. */
    public record SettingEntry(String value, String label, Map<String, String> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static SettingEntry constant(String value) {
            return new SettingEntry(value, null, null);
        }
    }
}
