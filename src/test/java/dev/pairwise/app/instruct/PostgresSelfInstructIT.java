package dev.pairwise.app.instruct;

import dev.pairwise.app.OwnPostgresDatabase;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SelfInstructScenarios} on PostgreSQL 15, migrated from a clean schema (V19's job type
 * included); skipped (or failed on CI) without it.
 *
 * <p>On a database of its own ({@value #DATABASE}, {@link OwnPostgresDatabase}): on the shared test
 * database an earlier test class's cached app context once claimed this scenario's SELF_INSTRUCT
 * job and refused its seed file as outside its own import roots (clean-clone check, 2026-12-04).
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-self-instruct-pg",
        "pairwise.jobs.import-roots=${java.io.tmpdir}/pairwise-self-instruct-pg/seeds",
        "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-self-instruct-pg/connections.key"})
class PostgresSelfInstructIT extends SelfInstructScenarios {

    static final String DATABASE = "pairwise_test_self_instruct";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OwnPostgresDatabase.url(DATABASE));
    }
}
