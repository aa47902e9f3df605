package dev.pagerpolicy.forward;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts decided and forwarded, by fingerprint, with their copies: a resend of a firing alert (Prometheus sends
 * each again every minute) keeps its decision and refreshes its copies' end, a held page goes out on the first resend
 * at or after its time, and a resolved alert resolves every copy that was sent. Bounded by {@code capacity} alerts,
 * the least recently sent forgotten first (a resend of one forgotten is decided again); those whose end passed a
 * {@code grace} ago are forgotten as others come.
 */
public final class ForwardedAlerts {
    /** One alert: when it started (a new start is a new alert), and its copies, sent or held. */
    private record Entry(Instant startsAt, String decisionId, List<Copies.Copy> held, List<PostableAlert> sent,
                         Instant endsAt) {
    }

    /** What a resend of a known alert forwards, and the decision it keeps. */
    public record Resend(String decisionId, List<PostableAlert> copies) {
    }

    private final int capacity;
    private final Duration grace;
    private final LinkedHashMap<String, Entry> byFingerprint = new LinkedHashMap<>(16, 0.75f, true);

    public ForwardedAlerts(int capacity, Duration grace) {
        this.capacity = capacity;
        this.grace = grace;
    }

    /**
     * The copies of a newly decided alert due at {@code now}, kept with those held for later.
     *
     * @param alert the alert as it came (its end, if any, is every copy's)
     */
    public synchronized List<PostableAlert> decided(String fingerprint, PostableAlert alert, String decisionId,
                                                    List<Copies.Copy> copies, Instant now) {
        List<PostableAlert> due = new ArrayList<>();
        List<Copies.Copy> held = new ArrayList<>();
        for (Copies.Copy copy : copies) {
            if (copy.dueAt(now)) {
                due.add(copy.alert());
            } else {
                held.add(copy);
            }
        }
        byFingerprint.put(fingerprint, new Entry(alert.startsAt(), decisionId, held, due, alert.endsAt()));
        forgetOld(now);
        return due;
    }

    /**
     * A firing alert sent again with the same start: its copies sent before, with the alert's new end, and those held
     * whose time has come. Empty when it is not known (or started anew): it must be decided.
     */
    public synchronized Optional<Resend> resent(String fingerprint, PostableAlert alert, Instant now) {
        Entry entry = byFingerprint.get(fingerprint);
        if (entry == null || !sameInstant(entry.startsAt(), alert.startsAt())) {
            return Optional.empty();
        }
        List<PostableAlert> sent = new ArrayList<>();
        entry.sent().forEach(copy -> sent.add(copy.endingAt(alert.endsAt())));
        List<Copies.Copy> held = new ArrayList<>();
        for (Copies.Copy copy : entry.held()) {
            if (copy.dueAt(now)) {
                sent.add(copy.alert().endingAt(alert.endsAt()));
            } else {
                held.add(copy);
            }
        }
        byFingerprint.put(fingerprint, new Entry(entry.startsAt(), entry.decisionId(), held, sent, alert.endsAt()));
        return Optional.of(new Resend(entry.decisionId(), sent));
    }

    /** The copies that were sent, resolved at {@code end}; none when the alert is not known. It is forgotten. */
    public synchronized List<PostableAlert> resolved(String fingerprint, Instant end) {
        Entry entry = byFingerprint.remove(fingerprint);
        return entry == null ? List.of() : entry.sent().stream().map(copy -> copy.endingAt(end)).toList();
    }

    public synchronized int size() {
        return byFingerprint.size();
    }

    /** Forgets the least recently sent past the capacity, and those whose end passed a grace ago. */
    private void forgetOld(Instant now) {
        Iterator<Map.Entry<String, Entry>> eldest = byFingerprint.entrySet().iterator();
        while (eldest.hasNext()) {
            Entry entry = eldest.next().getValue();
            boolean ended = entry.endsAt() != null && entry.endsAt().plus(grace).isBefore(now);
            if (byFingerprint.size() <= capacity && !ended) {
                return;
            }
            eldest.remove();
        }
    }

    private static boolean sameInstant(Instant one, Instant other) {
        return one == null ? other == null : one.equals(other);
    }
}
