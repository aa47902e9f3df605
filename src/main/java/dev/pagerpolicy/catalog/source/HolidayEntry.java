package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.NotBlank;

/** A holiday as written: {@code {date: 2026-11-26, name: Thanksgiving}} or {@code {yearly: 12-25, name: ...}}. */
public record HolidayEntry(@NotBlank String name, String date, String yearly) {
}
