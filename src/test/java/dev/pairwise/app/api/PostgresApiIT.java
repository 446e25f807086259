package dev.pairwise.app.api;

import dev.pairwise.labeling.PostgresAvailable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** {@link ApiScenarios} on PostgreSQL 15, migrated from a clean schema; skipped (or failed on CI) without it. */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(properties = {
        "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false"})
@AutoConfigureMockMvc
@Import(PostgresApiIT.CleanMigrate.class)
class PostgresApiIT extends ApiScenarios {

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
