package dev.pairwise.labeling.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.importing.ImportFormat;
import dev.pairwise.labeling.importing.ImportResult;
import dev.pairwise.labeling.importing.ImportService;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@H2Test
class ExportServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ExportService export;
    @Autowired
    ImportService imports;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    DemonstrationService demos;

    Fixtures f;
    ProjectView project;
    String labelerName;

    /** Three tasks of K=3 ranked with a tie in one: 3 + 3 + 2 = 8 pairs, 4 labeled across 3 judgments. */
    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
        project = f.project(3, 1);
        f.prompts(project.id(), 3, 3);
        long labeler = f.account(Role.LABELER);
        labelerName = f.username(labeler);
        for (int i = 0; i < 3; i++) {
            NextTask t = assignment.next(project.id(), labeler).orElseThrow();
            List<Long> o = t.presentedOrder();
            List<List<Long>> tiers = i == 1 ? List.of(List.of(o.get(0), o.get(1)), List.of(o.get(2)))
                    : List.of(List.of(o.get(0)), List.of(o.get(1)), List.of(o.get(2)));
            judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), o, tiers,
                    Map.of(), Map.of(), false, null, null, null));
        }
    }

    private List<JsonNode> lines(ByteArrayOutputStream out) {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).map(JSON::readTree).toList();
    }

    @Test
    void trl_export_has_prompt_chosen_rejected_and_group_margin_labeler_judgment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(export.exportPairs(project.id(), PairFormat.TRL, out)).isEqualTo(8);
        List<JsonNode> rows = lines(out);
        assertThat(rows).hasSize(8);
        JsonNode first = rows.getFirst();
        assertThat(first.propertyNames()).containsExactly("prompt", "chosen", "rejected", "group_id", "margin",
                "labeler", "judgment_id");
        assertThat(first.get("prompt").asString()).startsWith("prompt ");
        assertThat(first.get("labeler").asString()).isEqualTo(labelerName);
        assertThat(rows.stream().map(r -> r.get("group_id").asLong()).distinct()).hasSize(3);
        assertThat(rows).allMatch(r -> r.get("group_id").asLong() == r.get("judgment_id").asLong());
        assertThat(rows.stream().filter(r -> r.get("margin").asInt() == 2)).hasSize(2);
    }

    @Test
    void hh_rlhf_export_writes_dialogues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportPairs(project.id(), PairFormat.HH_RLHF, out);
        JsonNode first = lines(out).getFirst();
        assertThat(first.propertyNames()).containsExactly("chosen", "rejected");
        assertThat(first.get("chosen").asString()).startsWith("\n\nHuman: prompt ").contains("\n\nAssistant: answer ");
    }

    @Test
    void pages_smaller_than_the_data_still_export_every_row_once() {
        ExportService small = new ExportService(ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class),
                ctx.getBean(dev.pairwise.labeling.project.ProjectRepository.class),
                new dev.pairwise.labeling.LabelingLimits(32768, 10000, 3),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ByteArrayOutputStream paged = new ByteArrayOutputStream();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        assertThat(small.exportPairs(project.id(), PairFormat.TRL, paged)).isEqualTo(8);
        export.exportPairs(project.id(), PairFormat.TRL, whole);
        assertThat(paged.toString(StandardCharsets.UTF_8)).isEqualTo(whole.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trl_export_then_import_round_trips_pairs_margins_and_groups() {
        String first = trl(project.id());
        ProjectView copy = f.project(3, 1);
        ImportResult r = imports.importFile(copy.id(), ImportFormat.TRL, "round-trip",
                new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.pairs()).isEqualTo(8);
        assertThat(r.judgments()).isEqualTo(3);
        assertThat(r.responses()).isEqualTo(9);
        assertThat(comparable(trl(copy.id()))).isEqualTo(comparable(first));
    }

    @Test
    void hh_export_then_import_round_trips() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportPairs(project.id(), PairFormat.HH_RLHF, out);
        ProjectView copy = f.project(3, 1);
        imports.importFile(copy.id(), ImportFormat.HH_RLHF, "rt", new ByteArrayInputStream(out.toByteArray()));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        export.exportPairs(copy.id(), PairFormat.HH_RLHF, again);
        assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(out.toString(StandardCharsets.UTF_8));
    }

    /** Every record of every format starts a line and ends it: a reader going line by line gets each whole. */
    @Test
    void every_format_writes_one_record_per_line_with_nothing_around_it() {
        long writer = f.account(Role.ADMIN);
        long reviewer = f.account(Role.ADMIN); // nobody approves their own demonstration
        for (int i = 0; i < 2; i++) {
            var d = demos.create(writer, new DemoDraft(project.id(), "instruction " + i, "response " + i, true));
            demos.review(reviewer, d.id(), true, null);
        }
        List<String> outputs = new ArrayList<>();
        for (PairFormat format : PairFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.exportPairs(project.id(), format, out);
            outputs.add(out.toString(StandardCharsets.UTF_8));
        }
        for (DemoFormat format : DemoFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.exportDemonstrations(project.id(), format, null, out);
            outputs.add(out.toString(StandardCharsets.UTF_8));
        }
        for (String text : outputs) {
            assertThat(text).endsWith("}\n");
            List<String> records = text.lines().toList();
            assertThat(records).hasSizeGreaterThan(1).allSatisfy(line -> {
                assertThat(line).startsWith("{").endsWith("}");
                assertThat(JSON.readTree(line).isObject()).isTrue();
            });
        }
    }

    @Test
    void demonstrations_export_as_prompt_completion_and_messages_approved_only_by_default() {
        long admin = f.account(Role.ADMIN);
        long reviewer = f.account(Role.ADMIN); // nobody approves their own demonstration
        var approved = demos.create(admin, new DemoDraft(project.id(), "Say \"hi\"", "hi\nthere", true));
        demos.review(reviewer, approved.id(), true, null);
        demos.create(admin, new DemoDraft(project.id(), "draft", "not yet", false));
        ByteArrayOutputStream pc = new ByteArrayOutputStream();
        assertThat(export.exportDemonstrations(project.id(), DemoFormat.PROMPT_COMPLETION, null, pc)).isEqualTo(1);
        assertThat(pc.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"prompt\":\"Say \\\"hi\\\"\",\"completion\":\"hi\\nthere\"}\n");
        ByteArrayOutputStream msgs = new ByteArrayOutputStream();
        export.exportDemonstrations(project.id(), DemoFormat.MESSAGES, null, msgs);
        assertThat(msgs.toString(StandardCharsets.UTF_8)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Say \\\"hi\\\"\"},{\"role\":\"assistant\",\"content\":\"hi\\nthere\"}]}\n");
    }

    private String trl(long projectId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.exportPairs(projectId, PairFormat.TRL, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Lines without ids and labeler, with groups renumbered by first appearance. */
    private List<String> comparable(String jsonl) {
        List<String> out = new ArrayList<>();
        List<Long> groups = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            JsonNode n = JSON.readTree(line);
            long g = n.get("group_id").asLong();
            if (!groups.contains(g)) {
                groups.add(g);
            }
            out.add(n.get("prompt").asString() + "|" + n.get("chosen").asString() + "|" + n.get("rejected").asString()
                    + "|" + n.get("margin").asInt() + "|g" + groups.indexOf(g));
        }
        return out;
    }
}
