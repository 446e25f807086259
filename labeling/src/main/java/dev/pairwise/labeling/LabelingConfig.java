package dev.pairwise.labeling;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Wires the annotation domain: its services (component scan of {@code dev.pairwise.labeling}),
 * its limits, and the {@link Clock} every lease and timestamp reads, so tests can move time.
 * The application imports this class; entities and repositories are scanned by the app.
 */
@Configuration(proxyBeanMethods = false)
// Test configurations under dev.pairwise.labeling (on the test classpath) must not be picked up.
@ComponentScan(basePackageClasses = LabelingConfig.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
@EnableConfigurationProperties(LabelingLimits.class)
public class LabelingConfig {

    /** UTC wall clock; replace the bean in tests to control lease expiry. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
