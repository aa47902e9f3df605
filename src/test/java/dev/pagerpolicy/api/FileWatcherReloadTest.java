package dev.pagerpolicy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.MisbehavingRulesProfile;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.ServiceLane;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * With the watcher on, a change to the files goes live without any call (in the profile of the misbehaving rules,
 * whose watcher is on, so that the suite starts the service once for both).
 */
@ServiceLane
@QuarkusTest
@TestProfile(MisbehavingRulesProfile.class)
class FileWatcherReloadTest {
    private static final Path TEAMS = MisbehavingRulesProfile.dir().resolve("policies/teams.yaml");
    private static final String NINE_TO_FIVE =
            "timeZone: Europe/London\n    businessHours: Mon-Fri 09:00-17:00\n    calendars: [uk]\n  - name: analytics-dev";
    private static final String EIGHT_TO_FOUR = NINE_TO_FIVE.replace("09:00-17:00", "08:00-16:00");

    private static String state(String path) {
        return given().get("/v1/ruleset").then().statusCode(200).extract().path(path);
    }

    @Test
    void aChangedPolicyFileGoesLiveWithoutACall() throws Exception {
        String before = state("version");
        Packs.edit(TEAMS, NINE_TO_FIVE, EIGHT_TO_FOUR);
        try {
            // The watcher's reload runs the whole gate: on a busy machine that takes as long as it takes.
            Poll.until("the changed policies live", () -> !state("version").equals(before));
            assertThat(state("lastReload.trigger")).isEqualTo("file-watcher");
            assertThat(state("lastReload.result")).isEqualTo("success");
        } finally {
            // The other tests of the profile expect the files they started with.
            Packs.edit(TEAMS, EIGHT_TO_FOUR, NINE_TO_FIVE);
            Poll.until("the policies as before live again", () -> state("version").equals(before));
        }
    }
}
