package dev.pairwise.labeling.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.battle.SystemRanking;
import dev.pairwise.labeling.battle.SystemRankings;
import dev.pairwise.labeling.judgment.JudgmentRepository;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.Ids;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BATTLES imports on a real database (H2 and PostgreSQL by the subclasses): what a vote becomes,
 * that batched inserts pair every generated id with the right row across chunks, and that a bad
 * line, even after whole chunks were written, leaves nothing behind, a new project included.
 */
abstract class BattleImportScenarios {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;
    @Autowired
    SystemRankings rankings;
    @Autowired
    JudgmentRepository judgments;
    @Autowired
    JdbcClient jdbc;

    ProjectView project;

    @BeforeEach
    void setUp() {
        project = new Fixtures(ctx).project(2, 1);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String sql, long projectId) {
        return jdbc.sql(sql).param(projectId).query(Long.class).single();
    }

    @Test
    void a_vote_becomes_an_imported_judgment_of_two_tagged_answers_as_the_battle_screen_stores_it() {
        ImportResult r = imports.importFile(project.id(), ImportFormat.BATTLES, "votes.jsonl", text("""
                {"prompt": "Capital of France?", "model_a": "gpt-x", "model_b": "llama-y", "answer_a": "Paris", "answer_b": "Lyon", "winner": "a", "labeler": "ann"}
                {"prompt": "2+2?", "model_a": "gpt-x", "model_b": "llama-y", "answer_a": "5", "answer_b": "4", "winner": "model_b"}
                {"prompt": "Hi", "model_a": "llama-y", "model_b": "gpt-x", "answer_a": "Hello", "answer_b": "Hi!", "winner": "tie", "labeler": "bo"}
                {"prompt": "Poem?", "model_a": "llama-y", "model_b": "gpt-x", "answer_a": "no", "answer_b": "nope", "winner": "both_bad"}
                """));
        assertThat(r).isEqualTo(new ImportResult(4, 8, 0, 4, 2));
        assertThat(count("SELECT COUNT(*) FROM judgments WHERE project_id = ? AND source = 'import:battles'"
                + " AND labeler_id IS NULL AND task_id IS NULL", project.id())).isEqualTo(4);
        assertThat(jdbc.sql("SELECT external_labeler FROM judgments WHERE project_id = ? ORDER BY id")
                .param(project.id()).query(String.class).list()).containsExactly("ann", null, "bo", null);
        assertThat(judgments.findAll().stream().filter(j -> j.getProjectId() == project.id())
                .map(j -> j.getExternalLabeler() == null ? "-" : j.getExternalLabeler()).toList())
                .containsExactlyInAnyOrder("ann", "-", "bo", "-");
        assertThat(jdbc.sql("""
                        SELECT r.origin_model || ':' || r.text FROM responses r JOIN prompts p ON p.id = r.prompt_id
                         WHERE p.project_id = ? AND r.origin_kind = 'IMPORTED' ORDER BY r.id""")
                .param(project.id()).query(String.class).list()).containsExactly(
                "gpt-x:Paris", "llama-y:Lyon", "gpt-x:5", "llama-y:4", "llama-y:Hello", "gpt-x:Hi!",
                "llama-y:no", "gpt-x:nope");
        assertThat(jdbc.sql("""
                        SELECT c.text || '>' || w.text FROM preference_pairs pp
                          JOIN responses c ON c.id = pp.chosen_response_id JOIN responses w ON w.id = pp.rejected_response_id
                         WHERE pp.project_id = ? ORDER BY pp.id""")
                .param(project.id()).query(String.class).list()).containsExactly("Paris>Lyon", "4>5");
        assertThat(jdbc.sql("""
                        SELECT r.text FROM response_ratings rr JOIN responses r ON r.id = rr.response_id
                          JOIN judgments j ON j.id = rr.judgment_id
                         WHERE j.project_id = ? AND rr.flags = 'LOW_QUALITY' ORDER BY r.id""")
                .param(project.id()).query(String.class).list()).containsExactly("no", "nope");

        // What the leaderboard reads: every vote a ranking of the two systems, ties in one tier.
        List<SystemRanking> read = rankings.rankings(project.id());
        assertThat(read).hasSize(4);
        assertThat(read).extracting(s -> s.tiers().size()).containsExactly(2, 2, 1, 1);
        assertThat(read.get(1).systemOf().get(read.get(1).tiers().getFirst().getFirst())).isEqualTo("llama-y");
        assertThat(read).allSatisfy(s -> assertThat(s.systemOf().values())
                .containsExactlyInAnyOrder("gpt-x", "llama-y"));
    }

    @Test
    void generated_ids_meet_their_rows_across_several_chunks() {
        int n = 2 * BattleWriter.CHUNK + 37;
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String a = "sys-" + (i % 3);
            String b = "sys-" + (3 + i % 4);
            String winner = switch (i % 4) {
                case 0 -> "a";
                case 1 -> "b";
                case 2 -> "tie";
                default -> "both_bad";
            };
            file.append("{\"prompt\":\"p").append(i).append("\",\"model_a\":\"").append(a).append("\",\"model_b\":\"")
                    .append(b).append("\",\"answer_a\":\"A of p").append(i).append("\",\"answer_b\":\"B of p").append(i)
                    .append("\",\"winner\":\"").append(winner).append("\",\"labeler\":\"l").append(i).append("\"}\n");
        }
        ImportResult r = imports.importFile(project.id(), ImportFormat.BATTLES, "many", text(file.toString()));
        assertThat(r).isEqualTo(new ImportResult(n, 2 * n, 0, n, (n + 1) / 2));

        // Each answer hangs off its own prompt and names the system of its side.
        List<String> mismatched = jdbc.sql("""
                        SELECT p.text || '|' || r.text || '|' || r.origin_model FROM responses r JOIN prompts p ON p.id = r.prompt_id
                         WHERE p.project_id = ?""").param(project.id()).query(String.class).list().stream()
                .filter(row -> {
                    String[] f = row.split("\\|");
                    int i = Integer.parseInt(f[0].substring(1));
                    boolean sideA = f[1].startsWith("A of ");
                    String system = sideA ? "sys-" + (i % 3) : "sys-" + (3 + i % 4);
                    return !f[1].equals((sideA ? "A of " : "B of ") + f[0]) || !f[2].equals(system);
                }).toList();
        assertThat(mismatched).isEmpty();
        // Each judgment belongs to its prompt, is voted by that line's labeler and ranks that prompt's answers.
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT p.text AS prompt, j.external_labeler AS labeler, j.tiers AS tiers, j.presented_order AS shown
                          FROM judgments j JOIN prompts p ON p.id = j.prompt_id WHERE j.project_id = ?""")
                .param(project.id()).query().listOfRows();
        assertThat(rows).hasSize(n);
        for (Map<String, Object> row : rows) {
            int i = Integer.parseInt(((String) row.get("prompt")).substring(1));
            assertThat(row.get("labeler")).isEqualTo("l" + i);
            List<Long> shown = Ids.split((String) row.get("shown"));
            List<String> texts = shown.stream().map(id -> jdbc.sql("SELECT text FROM responses WHERE id = ?").param(id)
                    .query(String.class).single()).toList();
            assertThat(texts).containsExactly("A of p" + i, "B of p" + i);
            List<List<Long>> tiers = Ids.splitTiers((String) row.get("tiers"));
            List<List<Long>> expected = switch (i % 4) {
                case 0 -> List.of(List.of(shown.get(0)), List.of(shown.get(1)));
                case 1 -> List.of(List.of(shown.get(1)), List.of(shown.get(0)));
                default -> List.of(List.of(shown.get(0), shown.get(1)));
            };
            assertThat(tiers).as("line %d", i + 1).isEqualTo(expected);
        }
    }

    @Test
    void a_bad_line_after_whole_chunks_were_written_leaves_nothing() {
        StringBuilder file = new StringBuilder();
        int good = BattleWriter.CHUNK + 100;
        for (int i = 0; i < good; i++) {
            file.append("{\"prompt\":\"p").append(i).append("\",\"model_a\":\"x\",\"model_b\":\"y\",\"answer_a\":\"a\","
                    + "\"answer_b\":\"b\",\"winner\":\"a\"}\n");
        }
        file.append("{\"prompt\":\"bad\",\"model_a\":\"x\",\"model_b\":\"y\",\"answer_a\":\"a\",\"answer_b\":\"b\",\"winner\":\"c\"}\n");
        assertThatThrownBy(() -> imports.importFile(project.id(), ImportFormat.BATTLES, "f", text(file.toString())))
                .isInstanceOf(ImportRejectedException.class)
                .satisfies(e -> assertThat(((ImportRejectedException) e).errors()).containsExactly(new ImportLineError(
                        good + 1, "'winner' must be \"a\", \"b\", \"tie\" or \"both_bad\", was \"c\"")));
        assertThat(count("SELECT COUNT(*) FROM prompts WHERE project_id = ?", project.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM judgments WHERE project_id = ?", project.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM preference_pairs WHERE project_id = ?", project.id())).isZero();
    }

    @Test
    void a_new_project_is_made_with_its_votes_or_not_at_all() {
        String name = Fixtures.unique("arena");
        ProjectImport made = imports.importIntoNewProject(name, ImportFormat.BATTLES, "f", text("""
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "tie"}
                """));
        assertThat(made.project().name()).isEqualTo(name);
        assertThat(made.project().k()).isEqualTo(2);
        assertThat(made.imported()).isEqualTo(new ImportResult(1, 2, 0, 1, 0));
        assertThatThrownBy(() -> imports.importIntoNewProject(name, ImportFormat.BATTLES, "f", text("{}")))
                .isInstanceOf(ConflictException.class);

        String other = Fixtures.unique("arena");
        assertThatThrownBy(() -> imports.importIntoNewProject(other, ImportFormat.BATTLES, "f", text("""
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "tie"}
                {"prompt": "P", "model_a": "x", "model_b": "x", "answer_a": "a", "answer_b": "b", "winner": "tie"}
                """))).isInstanceOf(ImportRejectedException.class);
        assertThat(projects.findByName(other)).isEmpty();
        assertThatThrownBy(() -> imports.importIntoNewProject(Fixtures.unique("arena"), ImportFormat.TRL, "f", text("")))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("format");
    }
}
