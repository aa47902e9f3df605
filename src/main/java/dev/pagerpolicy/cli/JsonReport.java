package dev.pagerpolicy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pagerpolicy.gate.Coverage;
import dev.pagerpolicy.gate.ScenarioResult;
import java.util.List;

/** Reports as JSON, for tools that post-process a run: scenario results and rule coverage, explorations, diffs. */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    record Report(String policyVersion, long passed, long failed, Coverage coverage, List<Entry> scenarios) {
    }

    record Entry(String file, int line, String name, boolean passed, List<String> mismatches, List<String> rulesFired) {
    }

    /** Any report of plain records, indented, as the {@code --format json} of explore, diff and replay. */
    static String of(Object report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report is plain data and always serialises", e);
        }
    }

    static String render(List<ScenarioResult> results, Coverage coverage, String policyVersion) {
        List<Entry> entries = results.stream().map(r -> new Entry(r.file(), r.line(), r.name(), r.passed(),
                r.mismatches(), r.evaluation().firedRules().stream().distinct().toList())).toList();
        long passed = results.stream().filter(ScenarioResult::passed).count();
        return of(new Report(policyVersion, passed, results.size() - passed, coverage, entries));
    }
}
