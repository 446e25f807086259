package dev.pairwise.labeling.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.ComparisonTaskRepository;
import dev.pairwise.labeling.task.OriginKind;
import dev.pairwise.labeling.task.ResponseRepository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@H2Test
class ImportServiceTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ImportService imports;
    @Autowired
    ComparisonTaskRepository tasks;
    @Autowired
    ResponseRepository responses;
    @Autowired
    ProgressService progress;
    @Autowired
    JdbcClient jdbc;

    ProjectView project;

    @BeforeEach
    void setUp() {
        project = new Fixtures(ctx).project(3, 1);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonl_prompts_become_tasks_with_responses_that_keep_their_origin() {
        ImportResult r = imports.importFile(project.id(), ImportFormat.JSONL, "sample.jsonl", text("""
                {"prompt": "A", "responses": ["a1", "a2", "a3"]}
                {"prompt": "B", "responses": ["b1", {"text": "b2", "origin": "model", "model": "ckpt-3"}, "b3"]}
                """));
        assertThat(r).isEqualTo(new ImportResult(2, 6, 2, 0, 0));
        assertThat(tasks.countByProjectId(project.id())).isEqualTo(2);
        var task = tasks.findAll().stream().filter(t -> t.getProjectId() == project.id()).toList().getLast();
        var stored = responses.findAllById(task.getResponseIds());
        assertThat(stored).extracting(x -> x.getOrigin().kind())
                .containsExactlyInAnyOrder(OriginKind.IMPORTED, OriginKind.MODEL, OriginKind.IMPORTED);
        assertThat(stored).filteredOn(x -> x.getOrigin().kind() == OriginKind.IMPORTED)
                .allMatch(x -> x.getOrigin().model().equals("import:jsonl:sample.jsonl"));
    }

    @Test
    void one_bad_line_stores_nothing_and_names_the_line() {
        String file = """
                {"prompt": "A", "responses": ["a1", "a2", "a3"]}
                {"prompt": "B", "responses": ["b1", "b2", "b3", "b4"]}
                {"prompt": "C", "responses": ["c1", "c2", "c3"]}
                """;
        ImportPreview preview = imports.preview(project.id(), ImportFormat.JSONL, text(file));
        assertThat(preview.goodItems()).isEqualTo(2);
        assertThat(preview.errors()).containsExactly(
                new ImportLineError(2, "has 4 responses; this project ranks exactly 3 per prompt (its K)"));
        assertThatThrownBy(() -> imports.importFile(project.id(), ImportFormat.JSONL, "f", text(file)))
                .isInstanceOf(ImportRejectedException.class)
                .satisfies(e -> assertThat(((ImportRejectedException) e).errors()).extracting(ImportLineError::line)
                        .containsExactly(2));
        assertThat(tasks.countByProjectId(project.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM prompts WHERE project_id = ?").param(project.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void hh_rlhf_pairs_become_imported_judgments_without_labeler() {
        ImportResult r = imports.importFile(project.id(), ImportFormat.HH_RLHF, "hh", text("""
                {"chosen": "\\n\\nHuman: Hi\\n\\nAssistant: Hello!", "rejected": "\\n\\nHuman: Hi\\n\\nAssistant: Go away."}
                {"chosen": "\\n\\nHuman: 2+2?\\n\\nAssistant: 4", "rejected": "\\n\\nHuman: 2+2?\\n\\nAssistant: 5"}
                """));
        assertThat(r).isEqualTo(new ImportResult(2, 4, 0, 2, 2));
        var p = progress.progress(project.id());
        assertThat(p.importedJudgments()).isEqualTo(2);
        assertThat(p.judgments()).isZero();
        assertThat(p.pairs()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM judgments WHERE project_id = ? AND labeler_id IS NULL AND source = 'import:hh-rlhf'")
                .param(project.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void trl_lines_sharing_a_group_join_one_judgment() {
        ImportResult r = imports.importFile(project.id(), ImportFormat.TRL, "trl", text("""
                {"prompt": "P", "chosen": "best", "rejected": "mid", "group_id": 9, "margin": 1}
                {"prompt": "P", "chosen": "best", "rejected": "worst", "group_id": 9, "margin": 2}
                {"prompt": "P", "chosen": "mid", "rejected": "worst", "group_id": 9, "margin": 1}
                {"prompt": "Q", "chosen": "x", "rejected": "y"}
                """));
        assertThat(r).isEqualTo(new ImportResult(2, 5, 0, 2, 4));
    }

    @Test
    void empty_files_unknown_projects_and_missing_formats_are_refused() {
        assertThatThrownBy(() -> imports.importFile(project.id(), ImportFormat.CSV, "f", text("prompt,response_1,response_2\n")))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("file");
        assertThatThrownBy(() -> imports.importFile(-5, ImportFormat.CSV, "f", text("")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.importFile(project.id(), null, "f", text("")))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("format");
    }
}
