package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An unexpected failure inside an API call answers 500 problem details with an error id and no
 * exception text; the log holds the full exception under the same id.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:unexpected;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false"})
@AutoConfigureMockMvc
@Import(UnexpectedErrorIT.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorIT {

    private static final String SECRET = "ERROR: relation \"accounts_secret\" does not exist; SQL [select * from x]";

    /** Stands for any bug or database failure behind an endpoint. */
    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/api/test-only/failing")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void an_unexpected_failure_answers_500_with_an_error_id_that_the_log_holds(CapturedOutput log) throws Exception {
        MvcResult result = mvc.perform(get("/api/test-only/failing").with(user("someone").roles("ADMIN"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        String body = result.getResponse().getContentAsString();
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        String id = problem.get("errorId").asString();
        assertThat(id).matches("[0-9a-f]{8}");
        assertThat(problem.get("detail").asString()).contains("error " + id);
        assertThat(body).doesNotContain("accounts_secret", "select", "IllegalStateException", "java.");
        assertThat(log.getOut()).contains("Unexpected error " + id).contains("accounts_secret");
    }
}
