package dev.pairwise.app.instruct;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link SelfInstructScenarios} on PostgreSQL 15, migrated from a clean schema (V19's job type
 * included); skipped (or failed on CI) without it.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-self-instruct-pg",
        "pairwise.jobs.import-roots=${java.io.tmpdir}/pairwise-self-instruct-pg/seeds",
        "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-self-instruct-pg/connections.key"})
class PostgresSelfInstructIT extends SelfInstructScenarios {
}
