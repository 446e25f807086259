package dev.pairwise.app.sampling;

import dev.pairwise.app.OwnPostgresDatabase;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MixedSamplingScenarios} on PostgreSQL 15, migrated from a clean schema.
 *
 * <p>On a database of its own ({@value #DATABASE}, {@link OwnPostgresDatabase}): on the shared
 * test database a cached app context of an earlier test class could claim its SAMPLE jobs and run
 * them with its own settings (checkpoint folder, import roots, connection key), as happened to
 * {@code PostgresHfImportJobsIT}.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
                "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
                "spring.flyway.clean-disabled=false",
                "pairwise.demo.enabled=false",
                "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-mixed-sampling-pg-it",
                "pairwise.connections.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "pairwise.connections.initial-backoff=10ms",
                "pairwise.connections.max-backoff=40ms"})
@Import(PostgresMixedSamplingIT.CleanMigrate.class)
class PostgresMixedSamplingIT extends MixedSamplingScenarios {

    static final String DATABASE = "pairwise_test_mixed_sampling";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OwnPostgresDatabase.url(DATABASE));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CleanMigrate {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
