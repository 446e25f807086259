package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobExecutor;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jobs and checkpoints REST API through the security filters, on H2: role gates (labelers
 * 403, admins read-only), problem details naming the config field at fault with nothing queued,
 * a job run to the end with its metrics, a cancel, and a registered checkpoint downloaded as a zip.
 * The app runs with the test's own tiny TOKENIZER trainer instead of the real ones (left out of the
 * scan), so the API is tested without DJL training in this JVM.
 */
@SpringBootTest(classes = JobsApiIT.AppWithTestTrainer.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:jobsapi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=false",
        "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-jobsapi-it"})
@AutoConfigureMockMvc
class JobsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    String admin;
    String labeler;
    String researcher;

    @BeforeEach
    void accounts() {
        admin = account(Role.ADMIN);
        labeler = account(Role.LABELER);
        researcher = account(Role.RESEARCHER);
    }

    private String account(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, int status) throws Exception {
        String body = mvc.perform(request.with(httpBasic(user, PASSWORD))).andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }

    private static MockHttpServletRequestBuilder submit(String json) {
        return post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private JsonNode awaitStatus(long id, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode job;
        do {
            job = call(get("/api/jobs/" + id), researcher, 200);
            if (job.get("status").stringValue().equals(wanted)) {
                return job;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + id + " never became " + wanted + ": " + job);
    }

    private long jobCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM training_jobs", Long.class);
    }

    @Test
    void labelers_are_refused_every_jobs_and_registry_endpoint_and_admins_may_only_read() throws Exception {
        for (MockHttpServletRequestBuilder r : List.of(get("/api/jobs"), get("/api/jobs/1"), get("/api/jobs/1/metrics"),
                get("/api/job-types"), get("/api/checkpoints"), get("/api/checkpoints/1/download"),
                post("/api/jobs/1/cancel"), submit("{\"type\": \"TOKENIZER\"}"))) {
            call(r, labeler, 403);
        }
        call(submit("{\"type\": \"TOKENIZER\"}"), admin, 403);
        call(post("/api/jobs/1/cancel"), admin, 403);
        assertThat(call(get("/api/jobs"), admin, 200).isArray()).isTrue();
        mvc.perform(get("/api/jobs")).andExpect(status().isUnauthorized());
    }

    @Test
    void job_types_list_the_installed_trainers_with_their_form_fields() throws Exception {
        JsonNode types = call(get("/api/job-types"), researcher, 200);
        assertThat(types).hasSize(1);
        assertThat(types.get(0).get("type").stringValue()).isEqualTo("TOKENIZER");
        assertThat(types.get(0).get("fields").get(0).get("name").stringValue()).isEqualTo("steps");
        assertThat(types.get(0).get("fields").get(0).get("max").doubleValue()).isEqualTo(1000);
    }

    @Test
    void bad_config_is_a_problem_naming_the_field_and_queues_nothing() throws Exception {
        long before = jobCount();
        JsonNode p = call(submit("{\"type\": \"TOKENIZER\", \"config\": {\"steps\": 0}}"), researcher, 400);
        assertThat(p.get("field").stringValue()).isEqualTo("config.steps");
        assertThat(p.get("detail").stringValue()).contains("steps");
        assertThat(call(submit("{\"type\": \"TOKENIZER\", \"config\": {\"stepMillis\": \"fast\"}}"), researcher, 400)
                .get("field").stringValue()).isEqualTo("config.stepMillis");
        assertThat(call(submit("{\"type\": \"TOKENIZER\", \"config\": \"{oops\"}"), researcher, 400)
                .get("field").stringValue()).isEqualTo("config");
        assertThat(call(submit("{\"type\": \"SFT\"}"), researcher, 400).get("field").stringValue()).isEqualTo("type");
        assertThat(call(submit("{\"type\": \"NOPE\"}"), researcher, 400).get("field").stringValue()).isEqualTo("type");
        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void a_submitted_job_runs_to_the_end_with_metrics_and_its_checkpoint_downloads_as_a_zip() throws Exception {
        var result = mvc.perform(submit("{\"type\": \"TOKENIZER\", \"config\": {\"steps\": 4, \"stepMillis\": 1}}")
                .with(httpBasic(researcher, PASSWORD))).andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/jobs/"))).andReturn();
        JsonNode queued = JSON.readTree(result.getResponse().getContentAsString());
        long id = queued.get("id").longValue();
        assertThat(queued.get("submittedBy").stringValue()).isEqualTo(researcher);
        assertThat(queued.get("config").get("steps").intValue()).isEqualTo(4);

        JsonNode done = awaitStatus(id, "SUCCEEDED");
        assertThat(done.get("step").longValue()).isEqualTo(4);
        JsonNode metrics = call(get("/api/jobs/" + id + "/metrics"), admin, 200);
        assertThat(metrics).hasSize(4);
        assertThat(metrics.get(3).get("name").stringValue()).isEqualTo("loss");
        assertThat(call(get("/api/jobs?type=TOKENIZER&status=SUCCEEDED"), researcher, 200).findValues("id"))
                .extracting(JsonNode::longValue).contains(id);
        assertThat(call(post("/api/jobs/" + id + "/cancel"), researcher, 200).get("status").stringValue())
                .isEqualTo("SUCCEEDED");

        JsonNode checkpoints = call(get("/api/checkpoints?kind=TOKENIZER"), researcher, 200);
        JsonNode mine = null;
        for (JsonNode c : checkpoints) {
            if (c.get("jobId").longValue() == id) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("metrics").get("steps").intValue()).isEqualTo(4);
        byte[] zip = mvc.perform(get("/api/checkpoints/" + mine.get("id").longValue() + "/download")
                        .with(httpBasic(researcher, PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName() + "=" + new String(in.readAllBytes()));
            }
        }
        assertThat(entries).containsExactly("final/config.json={\"steps\":4}", "final/weights/w.bin=4");
        call(get("/api/checkpoints/999999/download"), researcher, 404);
    }

    @Test
    void a_running_job_is_cancelled_on_request() throws Exception {
        long id = call(submit("{\"type\": \"TOKENIZER\", \"config\": {\"steps\": 1000, \"stepMillis\": 20}}"),
                researcher, 201).get("id").longValue();
        call(post("/api/jobs/" + id + "/cancel"), researcher, 200);
        JsonNode cancelled = awaitStatus(id, "CANCELLED");
        assertThat(cancelled.get("step").longValue()).isLessThan(1000);
        call(get("/api/jobs/424242"), researcher, 404);
    }

    /** The app (its configuration repeated, as the scan leaves it out) without its real trainers, plus {@link CountingTokenizer}. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EntityScan(basePackages = {"dev.pairwise.labeling", "dev.pairwise.app"})
    @EnableJpaRepositories(basePackages = {"dev.pairwise.labeling", "dev.pairwise.app"})
    @ComponentScan(basePackageClasses = PairwiseApplication.class, excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {JobExecutor.class, PairwiseApplication.class})})
    static class AppWithTestTrainer {

        @Bean
        CountingTokenizer countingTokenizer() {
            return new CountingTokenizer();
        }
    }

    /**
     * A tiny real TOKENIZER executor: counts {@code steps} steps of {@code stepMillis} each, reports
     * a falling loss, stops when cancelled, and publishes a folder with a config and a weights file.
     */
    static class CountingTokenizer implements JobExecutor {

        @Override
        public JobType type() {
            return JobType.TOKENIZER;
        }

        @Override
        public List<ConfigField> fields() {
            return List.of(ConfigField.integer("steps", "Steps", 5, 1, 1000, "Steps to count."),
                    ConfigField.integer("stepMillis", "Step time (ms)", 1, 0, 1000, "Sleep per step."));
        }

        @Override
        public List<Long> prepare(JobSettings settings) {
            JsonNode config = settings.json();
            if (config.has("stepMillis") && !config.get("stepMillis").isIntegralNumber()) {
                throw new InvalidInputException("config.stepMillis", "stepMillis must be a whole number");
            }
            return List.of();
        }

        @Override
        public void run(JobContext ctx) throws Exception {
            long steps = ctx.config().path("steps").asLong(5);
            long millis = ctx.config().path("stepMillis").asLong(1);
            long step = 0;
            while (step < steps && !ctx.isCancelled()) {
                Thread.sleep(millis);
                step++;
                ctx.progress(step, steps);
                ctx.metric("loss", 1.0 / step);
            }
            if (step == steps) {
                Path dir = Files.createDirectories(ctx.checkpointDir().resolve("final"));
                Files.writeString(dir.resolve("config.json"), "{\"steps\":" + steps + "}");
                Files.writeString(Files.createDirectories(dir.resolve("weights")).resolve("w.bin"), Long.toString(steps));
                ctx.publish(CheckpointKind.TOKENIZER, dir, null, "{\"steps\": " + steps + "}");
            }
        }
    }
}
