package dev.pagerpolicy.analysis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.PlausibleInstant;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.firing.Correlator;
import dev.pagerpolicy.firing.InMemoryFiringAlerts;
import dev.pagerpolicy.gate.Outcome;
import dev.pagerpolicy.ruleset.RuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * {@code replay}: decides every logged alert again, at its own {@code firedAt}, with another rule set, and
 * counts the decisions that would differ. Reads the decision log (one JSON line per decision) or a saved {@code
 * GET /v1/decisions} answer (one JSON array), one decision at a time: memory does not grow with the log.
 * <p>
 * What was firing is rebuilt as the log goes, in its order, the way the service kept it: each page the rule set
 * makes again is kept as firing (a decision not replayed keeps its logged page), until the log says it was resolved,
 * until its {@code endsAt}, or for the resolve timeout; each decision sees what was firing when it was made.
 */
public final class Replay {
    private static final int MAX_EXAMPLES = 10;
    private static final int MAX_PROBLEMS = 20;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Evaluator evaluator;
    private final RuleSet ruleSet;
    private final Optional<Instant> since;
    private final Optional<Instant> until;
    private final Function<String, ZoneId> zones;
    private final Correlator firing;

    // What the run has found so far; a Replay runs once.
    private long lines;
    private long replayed;
    private long changed;
    private long masked;
    private long notAlerts;
    private long outsideWindow;
    private long unreadable;
    private long withFiring;
    private long resolutions;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Long> aspects = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();

    /** @param resolveTimeout how long an alert never resolved was firing, as the service's own setting */
    public Replay(Evaluator evaluator, RuleSet ruleSet, Optional<Instant> since, Optional<Instant> until,
                  Duration resolveTimeout) {
        this.evaluator = evaluator;
        this.firing = new Correlator(new InMemoryFiringAlerts(), resolveTimeout);
        this.ruleSet = ruleSet;
        this.since = since;
        this.until = until;
        this.zones = Outcome.zonesOf(ruleSet.catalog());
    }

    /**
     * @param progress told the number of decisions read so far, every so often
     * @throws IOException when the file cannot be read at all
     */
    public ReplayReport run(Path file, LongConsumer progress) throws IOException {
        long started = System.nanoTime();
        // Bytes that are not UTF-8 become U+FFFD: such a line is then "not JSON", not the end of the run.
        CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (PushbackReader reader = new PushbackReader(new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), lenient)))) {
            if (firstNonBlank(reader) == '[') {
                readArray(file, reader, progress);
            } else {
                readLines(file, reader, progress);
            }
        }
        return new ReplayReport(ruleSet.version(), lines, replayed, changed, masked, notAlerts, outsideWindow,
                unreadable, problems, aspects, examples, withFiring, resolutions,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static int firstNonBlank(PushbackReader reader) throws IOException {
        int c;
        do {
            c = reader.read();
        } while (c != -1 && Character.isWhitespace(c));
        if (c != -1) {
            reader.unread(c);
        }
        return c;
    }

    /** Longer than any decision the service writes (an alert is at most 64 KiB): read no further, skip the line. */
    static final int MAX_LINE = 1 << 20;

    private void readLines(Path file, Reader reader, LongConsumer progress) throws IOException {
        int number = 0;
        StringBuilder buffer = new StringBuilder();
        for (String line = boundedLine(reader, buffer); line != null; line = boundedLine(reader, buffer)) {
            number++;
            if (line == TOO_LONG) {
                lines++;
                unreadable(file, number, "longer than " + MAX_LINE + " characters; no decision is");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                unreadable(file, number, "not JSON");
                continue;
            }
            replay(file, number, node, progress);
        }
    }

    /** Stands for a line longer than {@link #MAX_LINE}, whose characters were not kept. */
    private static final String TOO_LONG = new String("too long");

    /** The next line without its end, {@link #TOO_LONG}, or null at the end of the file; never more than the bound. */
    private static String boundedLine(Reader reader, StringBuilder buffer) throws IOException {
        buffer.setLength(0);
        boolean tooLong = false;
        int c = reader.read();
        if (c == -1) {
            return null;
        }
        while (c != -1 && c != '\n') {
            if (buffer.length() < MAX_LINE) {
                buffer.append((char) c);
            } else {
                tooLong = true;
            }
            c = reader.read();
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            buffer.setLength(end - 1);
        }
        return buffer.toString();
    }

    private void readArray(Path file, Reader reader, LongConsumer progress) throws IOException {
        try (JsonParser parser = JSON.createParser(reader)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                replay(file, line, parser.readValueAsTree(), progress);
            }
        } catch (IOException e) {
            unreadable(file, -1, "the JSON array ends early: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void replay(Path file, int line, JsonNode node, LongConsumer progress) {
        if (node.isObject() && node.has("resolvedAt") && !node.has("decision")) {
            resolutions++;
            firing.resolved(node.path("alertKey").asText(null));
            return;
        }
        lines++;
        if (lines % 10_000 == 0) {
            progress.accept(lines);
        }
        if (!node.isObject() || !node.has("decision")) {
            unreadable(file, line, "not a decision (no \"decision\" field)");
            return;
        }
        if (!node.get("decision").isObject()) {
            unreadable(file, line, "not a decision (its \"decision\" is not an object)");
            return;
        }
        if (node.path("alert").isNull() || node.path("alert").isMissingNode()) {
            notAlerts++;
            return;
        }
        if (!node.get("alert").isObject()) {
            unreadable(file, line, "not a decision (its \"alert\" is not an object)");
            return;
        }
        Alert alert;
        Decision logged;
        try {
            alert = JSON.treeToValue(node.get("alert"), Alert.class);
            logged = JSON.treeToValue(node.get("decision"), Decision.class);
        } catch (IOException | IllegalArgumentException e) {
            unreadable(file, line, "not a decision: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        // An alert's severity and service may be missing: a label-only alert is decided by its labels.
        if (alert.kind() == null || alert.firedAt() == null || logged.target() == null || logged.action() == null) {
            unreadable(file, line, "not a decision: the alert's kind or firedAt, or the decision's target or action,"
                    + " is missing");
            return;
        }
        if (!PlausibleInstant.Check.isPlausible(alert.firedAt())) {
            unreadable(file, line, "not a decision: firedAt " + alert.firedAt() + " is not from "
                    + PlausibleInstant.EARLIEST_TEXT + " up to " + PlausibleInstant.LATEST_TEXT);
            return;
        }
        String key = node.path("alertKey").asText(null);
        Instant endsAt = instantOf(node.path("endsAt"));
        Instant decidedAt = Optional.ofNullable(instantOf(node.path("evaluatedAt"))).orElse(alert.firedAt());
        boolean resolved = node.path("resolved").asBoolean(false);
        // The record names the labels it masked: their values are lost, and the rules might read them.
        boolean isMasked = node.path("maskedLabels").isArray() && !node.get("maskedLabels").isEmpty();
        boolean outside = since.map(alert.firedAt()::isBefore).orElse(false)
                || until.map(u -> !alert.firedAt().isBefore(u)).orElse(false);
        if (isMasked || outside) {
            if (isMasked) {
                masked++;
            } else {
                outsideWindow++;
            }
            if (!resolved) {
                firing.firing(ruleSet.catalog(), alert, logged, key, endsAt, decidedAt); // not decided again, but it was firing all the same
            }
            return;
        }
        replayed++;
        List<FiringAlert> firingThen = ruleSet.rulesOnFiringAlerts().isEmpty() ? List.of()
                : firing.firingFor(ruleSet.catalog(), alert, key, decidedAt);
        if (!firingThen.isEmpty()) {
            withFiring++;
        }
        Decision decision = evaluator.evaluate(ruleSet, alert, null, firingThen).decision();
        if (!resolved) {
            firing.firing(ruleSet.catalog(), alert, decision, key, endsAt, decidedAt);
        }
        Outcome was = Outcome.of(logged);
        Outcome now = Outcome.of(decision);
        if (!was.equals(now)) {
            changed++;
            now.aspectsChangedFrom(was).forEach(aspect -> aspects.merge(aspect, 1L, Long::sum));
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(logged.decisionId() + " (" + alert.kind().wireName() + "/"
                        + (alert.severity() == null ? "unknown" : alert.severity().wireName())
                        + " of " + alert.service() + (alert.model() == null ? "" : ", model " + alert.model())
                        + " at " + alert.firedAt() + "): " + now.changesFrom(was, zones, zones));
            }
        }
    }

    /** The instant a field holds, or null when it holds none that can be read. */
    private static Instant instantOf(JsonNode field) {
        if (!field.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(field.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void unreadable(Path file, int line, String message) {
        unreadable++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(file + (line > 0 ? ":" + line : "") + ": " + message);
        }
    }
}
