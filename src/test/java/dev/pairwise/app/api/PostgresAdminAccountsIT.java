package dev.pairwise.app.api;

import dev.pairwise.labeling.PostgresAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * {@link AdminAccountsScenarios} on PostgreSQL 15; the same context as {@link PostgresApiIT} (reused
 * when both run), skipped (or failed on CI) without a server.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(properties = {
        "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false"})
@AutoConfigureMockMvc
@Import(PostgresApiIT.CleanMigrate.class)
class PostgresAdminAccountsIT extends AdminAccountsScenarios {
}
