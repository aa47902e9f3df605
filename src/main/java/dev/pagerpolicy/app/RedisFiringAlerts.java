package dev.pagerpolicy.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.firing.FiringAlerts;
import dev.pagerpolicy.firing.FiringAlertsUnavailable;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The firing alerts in Redis, shared by every replica. Each alert is one key holding its JSON, which Redis expires
 * when the alert's time is up; each service has a sorted set of the keys of its alerts, scored by when their time is
 * up, so that reading a service's alerts skips those gone. Keys of a service's set expire on their own too, a resolve
 * timeout after its last alert.
 */
final class RedisFiringAlerts implements FiringAlerts {
    private static final String PREFIX = "pager-policy:firing:";
    /** The alerts of a service read at most, those whose time is up the soonest: a storm stays cheap to read. */
    static final int READ_PER_SERVICE = 50;

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final Duration longest;
    private final String where;

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
        run(() -> {
            redis.execute("SET", alertKey(alert.key()), text, "PX", String.valueOf(millis));
            String service = serviceKey(alert.service());
            redis.execute("ZADD", service, String.valueOf(until.toEpochMilli()), alert.key());
            redis.execute("PEXPIRE", service, String.valueOf(longest.toMillis()));
            return null;
        });
    }

    @Override
    public void resolved(String key) {
        run(() -> redis.execute("DEL", alertKey(key)));
    }

    @Override
    public List<FiringAlert> of(Set<String> services, Instant now) {
        return run(() -> {
            List<FiringAlert> firing = new ArrayList<>();
            for (String service : services) {
                String set = serviceKey(service);
                redis.execute("ZREMRANGEBYSCORE", set, "-inf", String.valueOf(now.toEpochMilli()));
                Response keys = redis.execute("ZRANGE", set, "0", String.valueOf(READ_PER_SERVICE - 1));
                if (keys == null || keys.size() == 0) {
                    continue;
                }
                String[] alertKeys = new String[keys.size()];
                for (int i = 0; i < keys.size(); i++) {
                    alertKeys[i] = alertKey(keys.get(i).toString());
                }
                Response values = redis.execute("MGET", alertKeys);
                for (int i = 0; i < values.size(); i++) {
                    Response value = values.get(i);
                    if (value != null) { // resolved, or its time up: gone
                        firing.add(read(value.toString()));
                    }
                }
            }
            return firing;
        });
    }

    private FiringAlert read(String text) {
        try {
            return json.readValue(text, FiringAlert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a firing alert in Redis is not one: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String where() {
        return where;
    }

    private static String alertKey(String key) {
        return PREFIX + "alert:" + key;
    }

    private static String serviceKey(String service) {
        return PREFIX + "service:" + service;
    }

    private interface Call<T> {
        T run();
    }

    /** Runs Redis commands; whatever goes wrong with Redis is said as the store being unavailable. */
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
