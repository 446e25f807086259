package dev.pairwise.app.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link AdminAccountsScenarios} on H2 in PostgreSQL mode; the same context as {@link H2ApiIT}, so it is reused. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "springdoc.api-docs.path=/api/openapi",
        "pairwise.demo.enabled=false"})
@AutoConfigureMockMvc
class H2AdminAccountsIT extends AdminAccountsScenarios {
}
