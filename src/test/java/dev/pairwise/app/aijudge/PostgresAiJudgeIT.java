package dev.pairwise.app.aijudge;

import dev.pairwise.app.OwnPostgresDatabase;
import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AiJudgeScenarios} on PostgreSQL 15, migrated from a clean schema (V16's job type, dataset
 * kind, {@code judgments.ai} and {@code ai_verdicts} included); skipped (or failed on CI) without it.
 *
 * <p>On a database of its own ({@value #DATABASE}, {@link OwnPostgresDatabase}): on the shared
 * test database a cached app context of an earlier test class could claim its AI_JUDGE and DPO
 * jobs and run them with its own settings (checkpoint folder, import roots, connection key), as
 * happened to {@code PostgresHfImportJobsIT}.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-ai-judge-pg",
        "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-ai-judge-pg/connections.key"})
class PostgresAiJudgeIT extends AiJudgeScenarios {

    static final String DATABASE = "pairwise_test_ai_judge";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> OwnPostgresDatabase.url(DATABASE));
    }
}
