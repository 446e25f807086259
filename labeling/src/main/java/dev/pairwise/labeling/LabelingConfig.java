package dev.pairwise.labeling;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the annotation domain: its services (component scan of {@code dev.pairwise.labeling}),
 * its limits, and the {@link Clock} every lease and timestamp reads, so tests can move time.
 * The application imports this class; entities and repositories are scanned by the app.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = LabelingConfig.class)
@EnableConfigurationProperties(LabelingLimits.class)
public class LabelingConfig {

    /** UTC wall clock; replace the bean in tests to control lease expiry. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
