package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.hf.TinyHfFolders;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Hugging Face model brought in and tuned from the app (issue 12, items 1 and 3): an IMPORT job
 * reads a tiny grouped-query Llama folder (4 query heads over 2 key/value heads, written here by
 * {@link TinyHfFolders} with a character tokenizer, so no Python is needed) into a BASE checkpoint;
 * SFT with LoRA on the attention and MLP projections tunes it on approved demonstrations with the
 * rest frozen; DPO with LoRA tunes that on ranked pairs; the result samples with the KV cache as
 * without it. All as jobs on the app's database (the job-type check V18 widened), the import
 * submitted through the REST API. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class HfImportJobsScenario {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("pairwise-hf-jobs");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("pairwise.jobs.checkpoint-dir", () -> ROOT.resolve("checkpoints").toString());
        registry.add("pairwise.jobs.corpus-dir", () -> ROOT.resolve("corpora").toString());
        registry.add("pairwise.jobs.import-roots", () -> ROOT.resolve("hf").toString());
    }

    @AfterAll
    static void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ProjectService projects;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JudgmentService judgments;
    @Autowired
    DemonstrationService demonstrations;
    @Autowired
    AccountAdminService accounts;

    /** A tiny GQA Llama in Hugging Face layout with a character tokenizer of printable ASCII. */
    static Path tinyLlama(Path dir) throws IOException {
        StringBuilder ascii = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            ascii.append(c);
        }
        CharTokenizer tokenizer = CharTokenizer.train(List.of(ascii + "\n"));
        TinyHfFolders.llama(dir, tokenizer.vocabSize());
        // RoPE positions need no weights: a longer context than the 64 of the tiny config fits the demo texts whole.
        var config = TinyHfFolders.llamaConfig(tokenizer.vocabSize());
        config.put("max_position_embeddings", 256);
        Files.writeString(dir.resolve("config.json"), config.toString());
        tokenizer.save(dir);
        return dir;
    }

    private JobView submit(JobType type, String config) {
        return jobs.submit(new JobRequest(type, config, "researcher"));
    }

    private JobView succeeded(JobView job) throws InterruptedException {
        JobView v = AwaitJobs.succeeded(jobs, job.id(), Duration.ofSeconds(180));
        System.out.printf("%s job %d: %d ms, %d steps%n%s%n", v.type(), v.id(),
                Duration.between(v.startedAt(), v.finishedAt()).toMillis(), v.step(), v.logTail());
        return v;
    }

    private CheckpointView producedBy(JobView job) {
        List<CheckpointView> made = registry.list(null).stream()
                .filter(c -> c.jobId() != null && c.jobId() == job.id()).toList();
        assertThat(made).hasSize(1);
        return made.getFirst();
    }

    private List<Double> series(JobView job, String name) {
        return jobs.metrics(job.id()).stream().filter(p -> p.name().equals(name)).map(MetricPoint::value).toList();
    }

    private long demoProject() {
        return projects.findByName("Demo: helpful answers").orElseThrow().id();
    }

    private void approveDemonstrations(long project) {
        long admin = accounts.findByUsername("admin").orElseThrow().getId();
        long author = accounts.findByUsername("labeler").orElseThrow().getId();
        String[][] demos = {
                {"Say hello to the labeler.", "Hello! Thank you for ranking the answers."},
                {"What does a reward model do?", "It scores a response to a prompt; higher means people prefer it."},
                {"Name a way to compare two answers.", "Rank them: the better one goes first."}};
        for (String[] d : demos) {
            long id = demonstrations.create(author, new DemoDraft(project, d[0], d[1], true)).id();
            demonstrations.review(admin, id, true, "fine");
        }
    }

    /** The demo labeler ranks {@code n} tasks, each response in its own tier. */
    private void rank(long project, int n) {
        long labeler = accounts.findByUsername("labeler").orElseThrow().getId();
        for (int i = 0; i < n; i++) {
            NextTask task = assignments.next(project, labeler).orElseThrow();
            List<List<Long>> tiers = task.presentedOrder().stream().map(List::of).toList();
            judgments.submit(labeler, new SubmitJudgment(task.taskId(), UUID.randomUUID().toString(),
                    task.presentedOrder(), tiers, null, null, false, null, null, null));
        }
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void an_imported_llama_is_tuned_by_sft_and_dpo_with_lora_as_jobs_and_samples_with_the_kv_cache() throws Exception {
        Path hf = tinyLlama(ROOT.resolve("hf").resolve("tiny-llama-" + UUID.randomUUID()));

        // Through the REST API as a researcher would (demo account), then followed in the job service.
        String created = mvc.perform(post("/api/jobs").with(httpBasic("researcher", "researcher"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"IMPORT\", \"config\": {\"folder\": \"" + hf.getFileName() + "\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JobView importJob = succeeded(jobs.get(JSON.readTree(created).get("id").longValue()));
        CheckpointView base = producedBy(importJob);
        assertThat(base.kind()).isEqualTo(CheckpointKind.BASE);
        assertThat(base.parentId()).isNull();
        assertThat(base.metrics()).contains("\"kv_heads\":2", "\"heads\":4", "\"tokenizer_usable\":1");
        Path imported = Path.of(base.path());
        assertThat(imported.resolve("tokenizer.json")).isRegularFile();
        assertThat(Files.readString(imported.resolve(ImportExecutor.LINEAGE)))
                .contains(hf.toRealPath().toString(), "LlamaForCausalLM");

        long project = demoProject();
        approveDemonstrations(project);
        JobView sft = succeeded(submit(JobType.SFT, """
                {"baseCheckpoint": %d, "projectId": %d, "epochs": 12, "batchSize": 2, "learningRate": 0.01,
                 "loraRank": 4, "loraAlpha": 8}""".formatted(base.id(), project)));
        assertThat(sft.logTail()).contains("LoRA r 4");
        CheckpointView sftModel = producedBy(sft);
        assertThat(sftModel.kind()).isEqualTo(CheckpointKind.SFT);
        assertThat(sftModel.parentId()).isEqualTo(base.id());
        List<Double> loss = series(sft, "loss");
        assertThat(loss).hasSizeGreaterThanOrEqualTo(12).allMatch(Double::isFinite);
        assertThat(mean(loss.subList(loss.size() - 3, loss.size()))).as("SFT loss %s", loss)
                .isLessThan(mean(loss.subList(0, 3)) - 0.1);
        onlyProjectionsMoved(imported, Path.of(sftModel.path()));

        rank(project, 3);
        JobView dpo = succeeded(submit(JobType.DPO, """
                {"policyCheckpoint": %d, "projectId": %d, "batchSize": 4, "epochs": 2, "learningRate": 0.001,
                 "loraRank": 4, "loraTargets": "attention+mlp"}""".formatted(sftModel.id(), project)));
        CheckpointView policy = producedBy(dpo);
        assertThat(policy.kind()).isEqualTo(CheckpointKind.POLICY);
        assertThat(policy.parentId()).isEqualTo(sftModel.id());
        assertThat(series(dpo, "loss")).isNotEmpty().allMatch(Double::isFinite);
        assertThat(series(dpo, "rewards/margins")).isNotEmpty().allMatch(Double::isFinite);
        onlyProjectionsMoved(Path.of(sftModel.path()), Path.of(policy.path()));

        try (Policy p = Policy.load(Path.of(policy.path()))) {
            assertThat(p.model().config().keyValueHeads()).isEqualTo(2);
            List<int[]> prompts = List.of(p.tokenizer().encode("Say hello to the labeler."), p.tokenizer().encode("Rank"));
            List<Sample> cached = new Sampler(p.model(), p.tokenizer()).sample(prompts, 1, SamplingConfig.greedy(12));
            List<Sample> recomputed = new Sampler(p.model(), p.tokenizer()).withoutCache()
                    .sample(prompts, 1, SamplingConfig.greedy(12));
            assertThat(cached).hasSize(2).allMatch(s -> s.tokenCount() > 0);
            for (int i = 0; i < cached.size(); i++) {
                assertThat(cached.get(i).tokenIds()).as("prompt %d with and without the KV cache", i)
                        .isEqualTo(recomputed.get(i).tokenIds());
            }
        }
    }

    @Test
    void sft_and_dpo_refuse_an_imported_model_whose_tokenizer_lacks_the_chat_tokens_naming_the_checkpoint()
            throws Exception {
        // A model brought with its own chat tokens (Qwen's and ChatML's names) instead of ours.
        Path hf = tinyLlama(ROOT.resolve("hf").resolve("own-chat-tokens-" + UUID.randomUUID()));
        String tokenizer = Files.readString(hf.resolve("tokenizer.json"));
        Files.writeString(hf.resolve("tokenizer.json"), tokenizer.replace("<|user|>", "<|im_start|>")
                .replace("<|end|>", "<|im_end|>"));
        CheckpointView base = producedBy(succeeded(submit(JobType.IMPORT,
                "{\"folder\": \"" + hf.getFileName() + "\"}")));
        long project = demoProject();
        int before = jobs.recent(1000).size();

        assertThatThrownBy(() -> submit(JobType.SFT, """
                {"baseCheckpoint": %d, "projectId": %d, "loraRank": 4}""".formatted(base.id(), project)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.baseCheckpoint");
                    assertThat(e.getMessage()).contains("Checkpoint " + base.id() + " (" + base.name() + ")",
                            "baseCheckpoint", "has no <|user|>, <|end|>,").doesNotContain("no <|assistant|>");
                });
        // The same folder registered by hand as an SFT model, given to DPO.
        CheckpointView sft = registry.register(new NewCheckpoint("hand-registered-" + UUID.randomUUID(), CheckpointKind.SFT,
                base.path(), base.id(), null, null));
        assertThatThrownBy(() -> submit(JobType.DPO, """
                {"policyCheckpoint": %d, "projectId": %d}""".formatted(sft.id(), project)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.policyCheckpoint");
                    assertThat(e.getMessage()).contains("Checkpoint " + sft.id(), "has no <|user|>, <|end|>,");
                });
        assertThat(jobs.recent(1000)).as("no job was created").hasSize(before);
    }

    /** LoRA trains adapters on the block projections only: embeddings, norms and the head stay as they were. */
    private static void onlyProjectionsMoved(Path before, Path after) throws IOException {
        try (GptModel a = Checkpoints.loadModel(before, Device.cpu()); GptModel b = Checkpoints.loadModel(after, Device.cpu())) {
            int moved = 0;
            for (Map.Entry<String, NDArray> e : a.parameters().entrySet()) {
                float[] x = e.getValue().toFloatArray();
                float[] y = b.parameters().get(e.getKey()).toFloatArray();
                boolean projection = e.getKey().matches(".*\\.(attn\\.c_attn|attn\\.c_proj|mlp\\.c_fc|mlp\\.c_proj)\\.weight");
                if (projection) {
                    moved += Arrays.equals(x, y) ? 0 : 1;
                } else {
                    assertThat(y).as("%s is frozen", e.getKey()).isEqualTo(x);
                }
            }
            assertThat(moved).as("projection weights changed by LoRA").isEqualTo(8);
        }
    }

    @Test
    void folders_that_are_missing_outside_the_roots_or_not_hugging_face_models_are_refused_naming_the_folder()
            throws Exception {
        Path roots = ROOT.resolve("hf");
        Files.createDirectories(roots);
        Path outside = tinyLlama(Files.createTempDirectory(ROOT, "outside"));
        Path noConfig = Files.createDirectories(roots.resolve("no-config-" + UUID.randomUUID()));
        Files.writeString(noConfig.resolve("model.safetensors"), "x");
        Path noWeights = Files.createDirectories(roots.resolve("no-weights-" + UUID.randomUUID()));
        Files.writeString(noWeights.resolve("config.json"), TinyHfFolders.llamaConfig(40).toString());
        Path bert = tinyLlama(roots.resolve("bert-" + UUID.randomUUID()));
        Files.writeString(bert.resolve("config.json"), "{\"architectures\": [\"BertModel\"], \"model_type\": \"bert\"}");
        int before = jobs.recent(1000).size();

        refused("{\"folder\": \"does-not-exist\"}", "No folder");
        String problem = mvc.perform(post("/api/jobs").with(httpBasic("researcher", "researcher"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"IMPORT\", \"config\": {\"folder\": \"" + noConfig.getFileName() + "\"}}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(problem).get("field").stringValue()).isEqualTo("config.folder");
        assertThat(JSON.readTree(problem).get("detail").stringValue()).contains("has no config.json");
        refused("{\"folder\": \"" + outside + "\"}", "outside the folders IMPORT jobs may read");
        refused("{\"folder\": \"" + roots.resolve("..").resolve(outside.getFileName()) + "\"}",
                "outside the folders IMPORT jobs may read");
        refused("{\"folder\": \"" + noConfig.getFileName() + "\"}", "has no config.json");
        refused("{\"folder\": \"" + noWeights.getFileName() + "\"}", "has neither model.safetensors");
        refused("{\"folder\": \"" + bert.getFileName() + "\"}", "model_type 'bert' is not supported");
        refused("{}", "required");
        assertThatThrownBy(() -> submit(JobType.IMPORT, "{\"folder\": \"x\", \"maxContext\": 0}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.maxContext"));
        assertThat(jobs.recent(1000)).hasSize(before);
    }

    private void refused(String config, String message) {
        assertThatThrownBy(() -> submit(JobType.IMPORT, config)).as(config)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.folder");
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
