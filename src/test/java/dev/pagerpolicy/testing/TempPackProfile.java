package dev.pagerpolicy.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the app on a temporary copy of the shipped rules and policies, which tests may change, with admin and
 * decide keys configured: the locked-down production set-up. Every service test but those of misbehaving rules
 * runs on it, one app for all of them (each Quarkus profile costs the suite a build and a start); what the service
 * does with no keys at all is checked on the packaged app ({@code PackagedServiceLifeIT}).
 */
public class TempPackProfile implements QuarkusTestProfile {
    public static final String ADMIN_KEY = "test-admin-key-0123456789";
    public static final String DECIDE_KEY = "test-decide-key-0123456789";
    private static Path dir;

    /** The directory holding {@code rules/} and {@code policies/} for the running app. */
    public static synchronized Path dir() {
        if (dir == null) {
            dir = Packs.shippedCopy("pager-policy-test");
        }
        return dir;
    }

    /** Puts the shipped files back, so that each test starts from the shipped pack. */
    public static void restoreShipped() {
        Packs.copyShipped(dir());
    }

    /**
     * Puts the shipped files back and reloads them: the shipped rule set active, the last reload a success, whatever
     * the tests before changed.
     */
    public static void activateTheShippedPack() {
        restoreShipped();
        as(ADMIN_KEY).post("/v1/ruleset/reload?wait=true").then().statusCode(200);
    }

    /** The Authorization header's value with {@code key}, for clients other than REST Assured. */
    public static String bearer(String key) {
        return "Bearer " + key;
    }

    /** A request to the API sent with {@code key}. */
    public static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", bearer(key));
    }

    /** A request to the API as a service that asks for decisions (or Alertmanager) sends it. */
    public static RequestSpecification asDecider() {
        return as(DECIDE_KEY);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("pager-policy.rules-dir", dir().resolve("rules").toString());
        config.put("pager-policy.policies-dir", dir().resolve("policies").toString());
        config.put("pager-policy.security.admin-keys", ADMIN_KEY + ",second-admin-key-0123456789");
        config.put("pager-policy.security.decide-keys", DECIDE_KEY);
        // A decision that waits for a core on a busy shared machine must not become the fallback page the production
        // limit (500 ms) would make it: no verdict of these tests may depend on the machine's speed. What the limit
        // does is tested with the misbehaving rules (ServingUnderPressureTest) and on the evaluator itself.
        config.put("pager-policy.evaluation-time-limit", "60s");
        return config;
    }
}
