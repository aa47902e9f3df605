package dev.pagerpolicy.catalog.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A team as written in {@code teams.yaml}, before its role, zone and hours are parsed.
 *
 * @param calendars shared holiday calendars it keeps, from {@code calendars.yaml}
 * @param holidays  its own holidays besides
 * @param partner   the team that takes its pages outside its business hours
 */
public record TeamEntry(@NotBlank String name, @NotBlank String role, @NotNull Boolean onCallRotation,
                        @NotBlank String timeZone, @NotBlank String businessHours,
                        @Min(0) @Max(2) Integer mlopsMaturity, List<@NotBlank String> calendars,
                        List<@NotNull @Valid HolidayEntry> holidays, String partner) implements NamedEntry {
}
