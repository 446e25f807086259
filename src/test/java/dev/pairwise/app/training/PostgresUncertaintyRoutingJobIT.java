package dev.pairwise.app.training;

import dev.pairwise.app.OwnPostgresDatabase;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link UncertaintyRoutingJobScenario} on PostgreSQL 15, migrated from a clean schema;
 * skipped (or failed on CI) without it.
 *
 * <p>On a database of its own ({@value #DATABASE}, {@link OwnPostgresDatabase}): on the shared
 * test database a cached app context of an earlier test class could claim its REWARD job and run
 * it with its own settings (checkpoint folder, import roots, connection key), as happened to
 * {@code PostgresHfImportJobsIT}.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class}, properties = {
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false"})
class PostgresUncertaintyRoutingJobIT extends UncertaintyRoutingJobScenario {

    static final String DATABASE = "pairwise_test_routing_job";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OwnPostgresDatabase.url(DATABASE));
    }
}
