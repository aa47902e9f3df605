package dev.pagerpolicy.catalog.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A shared holiday calendar as written in {@code calendars.yaml}, e.g. one per country. */
public record CalendarEntry(@NotBlank String name, @NotNull List<@NotNull @Valid HolidayEntry> holidays)
        implements NamedEntry {
}
