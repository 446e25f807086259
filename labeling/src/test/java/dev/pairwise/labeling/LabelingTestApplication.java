package dev.pairwise.labeling;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The labeling domain on its own, for tests: JPA, Flyway, JDBC and Micrometer auto-configured,
 * the labeling services, and a {@link MutableClock} that tests move to expire leases.
 */
@SpringBootConfiguration
// Vaadin's auto-configuration needs a web application context; the domain tests run without one.
@EnableAutoConfiguration(excludeName = {
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "com.vaadin.flow.spring.VaadinApplicationConfiguration",
        "com.vaadin.flow.spring.VaadinScopesConfig",
        "com.vaadin.flow.spring.VaadinServletConfiguration"})
@EntityScan(basePackageClasses = LabelingTestApplication.class)
@EnableJpaRepositories(basePackageClasses = LabelingTestApplication.class)
@Import(LabelingConfig.class)
public class LabelingTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
