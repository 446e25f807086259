package dev.pairwise.app.instruct;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link SelfInstructScenarios} on the embedded default database, H2 in PostgreSQL mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:selfinstruct;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-self-instruct-h2",
        "pairwise.jobs.import-roots=${java.io.tmpdir}/pairwise-self-instruct-h2/seeds",
        "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-self-instruct-h2/connections.key"})
class H2SelfInstructIT extends SelfInstructScenarios {
}
