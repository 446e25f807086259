package dev.pairwise.app.sampling;

import dev.pairwise.app.PairwiseApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link MixedSamplingScenarios} on the embedded default database, H2 in PostgreSQL mode. */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:mixed-sampling;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=false",
                "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-mixed-sampling-it",
                "pairwise.connections.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                // retries as in production (4 tries), without seconds of backoff between them
                "pairwise.connections.initial-backoff=10ms",
                "pairwise.connections.max-backoff=40ms"})
class H2MixedSamplingIT extends MixedSamplingScenarios {
}
