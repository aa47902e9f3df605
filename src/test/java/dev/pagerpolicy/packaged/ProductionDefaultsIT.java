package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packaged service serves when nothing is configured: the API description, but no Swagger UI. */
class ProductionDefaultsIT {

    @Test
    void theApiDescriptionIsServedAndSwaggerUiIsOffUnlessTurnedOn(@TempDir Path work) throws Exception {
        Packs.copyShipped(work);
        try (PackagedApp app = PackagedApp.start(work, "256m")) {
            assertThat(app.awaitReady()).as("ready; it said:%n%s", app.said()).isTrue();
            assertThat(app.status("/q/openapi")).isEqualTo(200);
            assertThat(app.status("/q/swagger-ui/")).isEqualTo(404);
        }
    }
}
