package dev.pairwise.app.api;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * {@link ApiScenarios} on the embedded default database, H2 in PostgreSQL mode; also checks the
 * OpenAPI description (springdoc), served under /api so the API's security applies to it.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "springdoc.api-docs.path=/api/openapi",
        "pairwise.demo.enabled=false"})
@AutoConfigureMockMvc
class H2ApiIT extends ApiScenarios {

    @Test
    void the_openapi_description_lists_the_endpoints() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/openapi").with(httpBasic(researcher, "correct horse")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/tasks/{taskId}/judgments")))
                .andExpect(jsonPath("$.paths", hasKey("/api/projects/{projectId}/export/pairs")));
    }
}
