package dev.pagerpolicy.app;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * The service's configuration, read where the service is not running (the commands): from the same sources in the
 * same order — system properties ({@code -Dpager-policy.…}), environment variables ({@code PAGER_POLICY_…}), the
 * packaged {@code application.properties} — into the same {@link PagerPolicyConfig}, with the same defaults. So a
 * command judges rules with the limits, directories and cache the service would use.
 */
public final class ServiceConfiguration {
    /** Above every other source: what a command's own options say. */
    private static final int OPTIONS_ORDINAL = 500;
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;

    private ServiceConfiguration() {
    }

    /** @param options settings a command's options give ({@code pager-policy.rules-dir} …), over everything else */
    public static PagerPolicyConfig read(Map<String, String> options) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addSystemSources()
                .withSources(new PropertiesConfigSource(options, "command-line options", OPTIONS_ORDINAL))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(PagerPolicyConfig.class)
                .withProfile("prod");
        URL packaged = ServiceConfiguration.class.getClassLoader().getResource("application.properties");
        if (packaged != null) {
            try {
                builder.withSources(new PropertiesConfigSource(packaged, APPLICATION_PROPERTIES_ORDINAL));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + packaged, e);
            }
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(PagerPolicyConfig.class);
    }
}
