package dev.pairwise.app.training;

import dev.pairwise.app.OwnPostgresDatabase;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HfImportJobsScenario} on PostgreSQL 15, migrated from a clean schema (V18's job-type check
 * included); skipped (or failed on CI) without it.
 *
 * <p>On a database of its own ({@value #DATABASE}, {@link OwnPostgresDatabase}): on the shared test
 * database an earlier test class's cached app context once claimed this scenario's IMPORT job and
 * looked for the model folder under its own import roots ("No folder …/data/tiny-llama-…").
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class}, properties = {
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=true"})
@AutoConfigureMockMvc
class PostgresHfImportJobsIT extends HfImportJobsScenario {

    static final String DATABASE = "pairwise_test_hf_jobs";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OwnPostgresDatabase.url(DATABASE));
    }
}
