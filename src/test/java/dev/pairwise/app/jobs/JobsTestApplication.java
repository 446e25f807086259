package dev.pairwise.app.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The job runner over H2 + Flyway with the two test executors; no web layer, no Vaadin. */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "com.vaadin.flow.spring.VaadinApplicationConfiguration",
        "com.vaadin.flow.spring.VaadinScopesConfig",
        "com.vaadin.flow.spring.VaadinServletConfiguration"})
@EntityScan(basePackageClasses = TrainingJob.class)
@EnableJpaRepositories(basePackageClasses = TrainingJob.class)
@Import({JobService.class, JobStore.class, JobRunner.class, JobExecutors.class, JobMetrics.class})
class JobsTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    CountingTrainer countingTrainer() {
        return new CountingTrainer();
    }

    @Bean
    OneShotSampler oneShotSampler() {
        return new OneShotSampler();
    }
}
