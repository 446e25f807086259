package dev.pairwise.app.aijudge;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link AiJudgeScenarios} on PostgreSQL 15, migrated from a clean schema (V16's job type, dataset
 * kind, {@code judgments.ai} and {@code ai_verdicts} included); skipped (or failed on CI) without it.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${pairwise.test.pg.url:jdbc:postgresql://localhost:5432/pairwise_test}",
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=false",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-ai-judge-pg",
        "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-ai-judge-pg/connections.key"})
class PostgresAiJudgeIT extends AiJudgeScenarios {
}
