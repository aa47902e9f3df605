package dev.pagerpolicy.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.firing.FiringAlerts;
import dev.pagerpolicy.firing.FiringAlertsUnavailable;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The firing alerts in Redis, shared by every replica. Each alert is one key holding its JSON, which Redis expires
 * when the alert's time is up. Each service has a sorted set of the keys of its alerts and one of its outages, both
 * scored by when they fired: a decision reads the earliest of each ({@link #READ_PER_SERVICE}, and the earliest
 * outages), which are what rules ask about, however many fired since; a set keeps at most {@link #MAX_PER_SERVICE},
 * the latest forgotten first. Each operation is one script, so one round trip and atomic: keeping an alert writes its
 * value and its places together; resolving it removes all three; reading drops the members whose alert has ended. What
 * the service did not write under its keys (another type, a value larger than {@link #MAX_VALUE_BYTES}, or not an
 * alert) is skipped and counted, never read whole and never an error of the decision.
 */
final class RedisFiringAlerts implements FiringAlerts {
    private static final Logger LOG = Logger.getLogger(RedisFiringAlerts.class);
    private static final String PREFIX = "pager-policy:firing:";
    private static final String ALERTS = PREFIX + "alert:";
    private static final String SERVICES = PREFIX + "service:";
    /** The set of a service's outages: {@code SERVICES + service + OUTAGES}. */
    private static final String OUTAGES = ":outages";
    /** The earliest alerts of a service a decision reads; its earliest outages besides. */
    static final int READ_PER_SERVICE = 12;
    static final int OUTAGES_READ_PER_SERVICE = 2;
    /** Alerts kept per service at most, as in memory: a storm on one service forgets its latest first. */
    static final int MAX_PER_SERVICE = 100;
    /** An alert's JSON is a few hundred bytes; anything far larger was not written by this service. */
    static final int MAX_VALUE_BYTES = 16 * 1024;
    /** What the read script returns, instead of a value, for a member whose key holds what the service did not write. */
    private static final String SKIPPED = "!";

    /**
     * KEYS: the alert's key, its service's set, its service's outages. ARGV: the JSON, its time to live, when it
     * fired, the member, how long the sets outlive their last alert, the sets' prefix, whether it is an outage, the
     * most a set keeps.
     */
    private static final String KEEP = """
            local old = redis.pcall('GET', KEYS[1])
            if type(old) == 'string' then
              local ok, alert = pcall(cjson.decode, old)
              if ok and type(alert) == 'table' and type(alert.service) == 'string'
                  and ARGV[6] .. alert.service ~= KEYS[2] then
                redis.call('ZREM', ARGV[6] .. alert.service, ARGV[4])
                redis.call('ZREM', ARGV[6] .. alert.service .. ':outages', ARGV[4])
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            redis.call('ZREMRANGEBYRANK', KEYS[2], tonumber(ARGV[8]), -1)
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            if ARGV[7] == '1' then
              redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
              redis.call('ZREMRANGEBYRANK', KEYS[3], tonumber(ARGV[8]), -1)
              redis.call('PEXPIRE', KEYS[3], ARGV[5])
            end
            return 1
            """;
    /** KEYS: the alert's key. ARGV: the sets' prefix, the member. */
    private static final String RESOLVE = """
            local value = redis.pcall('GET', KEYS[1])
            redis.call('DEL', KEYS[1])
            if type(value) == 'string' then
              local ok, alert = pcall(cjson.decode, value)
              if ok and type(alert) == 'table' and type(alert.service) == 'string' then
                redis.call('ZREM', ARGV[1] .. alert.service, ARGV[2])
                redis.call('ZREM', ARGV[1] .. alert.service .. ':outages', ARGV[2])
              end
            end
            return 1
            """;
    /**
     * KEYS: each service's set, then its outages. ARGV: how many of a set to read, of an outages set, the largest
     * value read, the alerts' prefix.
     */
    private static final String READ = """
            local out, seen = {}, {}
            for i, set in ipairs(KEYS) do
              local count = (i % 2 == 1) and ARGV[1] or ARGV[2]
              local members = redis.call('ZRANGE', set, 0, tonumber(count) - 1)
              for _, member in ipairs(members) do
                local key = ARGV[4] .. member
                local kind = redis.call('TYPE', key)['ok']
                if kind == 'none' then
                  redis.call('ZREM', set, member)
                elseif not seen[member] then
                  seen[member] = true
                  if kind ~= 'string' or redis.call('STRLEN', key) > tonumber(ARGV[3]) then
                    table.insert(out, '!')
                  else
                    table.insert(out, redis.call('GET', key))
                  end
                end
              end
            end
            return out
            """;

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final Duration longest;
    private final String where;
    private final AtomicLong skipped = new AtomicLong();

    /** @param longest the longest an alert is kept (the resolve timeout): how long a service's set outlives its last */
    RedisFiringAlerts(RedisDataSource redis, ObjectMapper json, Duration longest, String where) {
        this.redis = redis;
        this.json = json;
        this.longest = longest;
        this.where = where;
    }

    @Override
    public void firing(FiringAlert alert, Instant until) {
        long millis = Math.max(1, Duration.between(Instant.now(), until).toMillis());
        String text;
        try {
            text = json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a firing alert cannot be written as JSON", e);
        }
        long fired = alert.since() == null ? Instant.now().toEpochMilli() : alert.since().toEpochMilli();
        run(() -> redis.execute(Command.EVAL, KEEP, "3", ALERTS + alert.key(), SERVICES + alert.service(),
                SERVICES + alert.service() + OUTAGES, text, String.valueOf(millis), String.valueOf(fired), alert.key(),
                String.valueOf(longest.toMillis()), SERVICES, alert.kind() == AlertKind.OUTAGE ? "1" : "0",
                String.valueOf(MAX_PER_SERVICE)));
    }

    @Override
    public void resolved(String key) {
        run(() -> redis.execute(Command.EVAL, RESOLVE, "1", ALERTS + key, SERVICES, key));
    }

    @Override
    public List<FiringAlert> of(Set<String> services, Instant now) {
        if (services.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of(READ, String.valueOf(2 * services.size())));
        services.forEach(service -> {
            args.add(SERVICES + service);
            args.add(SERVICES + service + OUTAGES);
        });
        args.addAll(List.of(String.valueOf(READ_PER_SERVICE), String.valueOf(OUTAGES_READ_PER_SERVICE),
                String.valueOf(MAX_VALUE_BYTES), ALERTS));
        Response values = run(() -> redis.execute(Command.EVAL, args.toArray(String[]::new)));
        List<FiringAlert> firing = new ArrayList<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            String text = values.get(i).toString();
            FiringAlert alert = text.equals(SKIPPED) ? null : read(text);
            if (alert == null) {
                skipped.incrementAndGet();
            } else {
                firing.add(alert);
            }
        }
        return firing;
    }

    /** The alert a value holds, or null when it holds none (not JSON, not an alert, no key or service). */
    private FiringAlert read(String text) {
        try {
            FiringAlert alert = json.readValue(text, FiringAlert.class);
            return alert.key() == null || alert.service() == null || alert.team() == null ? null : alert;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.debugf("a value under %s is not a firing alert: %s", ALERTS, e.getMessage());
            return null;
        }
    }

    @Override
    public long skipped() {
        return skipped.get();
    }

    @Override
    public String where() {
        return where;
    }

    private interface Call<T> {
        T run();
    }

    /** Runs a script; whatever goes wrong with Redis is said as the store being unavailable. */
    private <T> T run(Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new FiringAlertsUnavailable(where + ": " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()), e);
        }
    }
}
