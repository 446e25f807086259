package dev.pairwise.app.api;

import dev.pairwise.labeling.PostgresAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** {@link ConnectionsScenarios} on PostgreSQL 15, migrated from a clean schema, with a configured encryption key. */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false",
        "pairwise.connections.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@Import(PostgresApiIT.CleanMigrate.class)
class PostgresConnectionsIT extends ConnectionsScenarios {
}
