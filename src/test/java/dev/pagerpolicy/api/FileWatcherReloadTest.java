package dev.pagerpolicy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With the watcher on, a change to the files goes live without any call. */
@QuarkusTest
@TestProfile(TempPackProfile.Watching.class)
class FileWatcherReloadTest {

    private static String state(String path) {
        return given().header("Authorization", "Bearer " + TempPackProfile.DECIDE_KEY)
                .get("/v1/ruleset").then().statusCode(200).extract().path(path);
    }

    @Test
    void aChangedPolicyFileGoesLiveWithoutACall() throws Exception {
        TempPackProfile.restoreShipped();
        String before = state("version");
        Packs.edit(TempPackProfile.dir().resolve("policies/teams.yaml"), "timeZone: Europe/London\n    businessHours: Mon-Fri 09:00-17:00\n    calendars: [uk]\n  - name: analytics-dev",
                "timeZone: Europe/London\n    businessHours: Mon-Fri 08:00-16:00\n    calendars: [uk]\n  - name: analytics-dev");
        // The watcher's reload runs the whole gate: on a busy machine that takes as long as it takes.
        Poll.until("the changed policies live", () -> !state("version").equals(before));
        assertThat(state("lastReload.trigger")).isEqualTo("file-watcher");
        assertThat(state("lastReload.result")).isEqualTo("success");
    }
}
