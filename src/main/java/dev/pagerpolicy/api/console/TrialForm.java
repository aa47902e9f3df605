package dev.pagerpolicy.api.console;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.PlausibleInstant;
import dev.pagerpolicy.alert.WireNamed;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The try-an-alert form as it was filled in, read into the alert the decide API would take, or into what is wrong
 * with it, field by field: a form is answered with the page and its mistakes, never an error page.
 *
 * @param labels one {@code name=value} per line
 * @param firedAt an ISO-8601 instant; now when blank
 */
public record TrialForm(String kind, String severity, String service, String model, String environment,
                        String labels, String firedAt) {
    /** An empty form, to fill in. */
    static final TrialForm EMPTY = new TrialForm("outage", "critical", "", "", "production", "", "");

    /** The alert, and the mistakes that keep it from being one (empty when it is). */
    record Read(AlertInput input, List<String> problems) {
    }

    Read read(Instant now) {
        List<String> problems = new ArrayList<>();
        AlertKind alertKind = null;
        try {
            alertKind = WireNamed.parse(AlertKind.class, kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            problems.add("kind: " + e.getMessage());
        }
        Instant at = now;
        if (firedAt != null && !firedAt.isBlank()) {
            try {
                at = Instant.parse(firedAt.strip());
                if (!PlausibleInstant.Check.isPlausible(at)) {
                    problems.add("firedAt: " + at + " is not from " + PlausibleInstant.EARLIEST_TEXT + " up to "
                            + PlausibleInstant.LATEST_TEXT);
                }
            } catch (DateTimeParseException e) {
                problems.add("firedAt: \"" + firedAt.strip() + "\" is not a time such as 2026-11-25T03:00:00Z");
            }
        }
        Map<String, String> labelMap = new LinkedHashMap<>();
        String[] lines = labels == null ? new String[0] : labels.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                problems.add("labels, line " + (i + 1) + ": \"" + line + "\" is not name=value");
            } else {
                labelMap.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        if (labelMap.size() > AlertInput.MAX_LABELS) {
            problems.add("labels: more than " + AlertInput.MAX_LABELS);
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        return new Read(new AlertInput(null, alertKind, blankToNull(severity), blankToNull(service),
                blankToNull(model), blankToNull(environment), at, labelMap, Map.of(), null, null), List.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
