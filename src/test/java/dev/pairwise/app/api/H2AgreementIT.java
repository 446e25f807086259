package dev.pairwise.app.api;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link AgreementScenarios} on the embedded default database, H2 in PostgreSQL mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:agreement;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false"})
class H2AgreementIT extends AgreementScenarios {

    @Override
    String database() {
        return "H2";
    }
}
