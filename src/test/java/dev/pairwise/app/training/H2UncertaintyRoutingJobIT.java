package dev.pairwise.app.training;

import dev.pairwise.app.PairwiseApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link UncertaintyRoutingJobScenario} on the embedded H2 database. */
@SpringBootTest(classes = PairwiseApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:routingjobit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false"})
class H2UncertaintyRoutingJobIT extends UncertaintyRoutingJobScenario {
}
