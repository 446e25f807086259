package dev.pairwise.app.training;

import dev.pairwise.app.PairwiseApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link HfImportJobsScenario} on the embedded H2 database. */
@SpringBootTest(classes = PairwiseApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:hfimportjobsit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=true"})
@AutoConfigureMockMvc
class H2HfImportJobsIT extends HfImportJobsScenario {
}
