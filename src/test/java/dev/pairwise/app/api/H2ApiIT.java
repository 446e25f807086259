package dev.pairwise.app.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link ApiScenarios} on the embedded default database, H2 in PostgreSQL mode. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false"})
@AutoConfigureMockMvc
class H2ApiIT extends ApiScenarios {
}
