package dev.pairwise.labeling.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.task.OriginKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportParserTest {

    /** K = 2 unless a test says otherwise. */
    private ImportRules rules = new ImportRules(2, 200);

    private final List<ImportItem> items = new ArrayList<>();

    private ParseSummary parse(ImportFormat format, String text) {
        return parse(format, text.getBytes(StandardCharsets.UTF_8));
    }

    private ParseSummary parse(ImportFormat format, byte[] bytes) {
        return ImportParser.parse(format, new ByteArrayInputStream(bytes), rules, items::add);
    }

    @Test
    void jsonl_lines_become_prompts_with_responses_and_origins() {
        rules = new ImportRules(3, 200);
        ParseSummary s = parse(ImportFormat.JSONL, """
                {"prompt": "Say hi", "responses": ["hi", "hello", "hey"]}

                {"prompt": "Add", "responses": [{"text": "2", "origin": "model", "model": "ckpt-7", "settings": {"temperature": 0.7}}, "two", {"text": "II", "origin": "human"}]}
                """);
        assertThat(s.errorCount()).isZero();
        assertThat(s.items()).isEqualTo(2);
        ImportItem.Ranked second = (ImportItem.Ranked) items.get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.prompt().responses()).hasSize(3);
        var model = second.prompt().responses().getFirst().origin();
        assertThat(model.kind()).isEqualTo(OriginKind.MODEL);
        assertThat(model.model()).isEqualTo("ckpt-7");
        assertThat(model.settings()).isEqualTo("{\"temperature\":0.7}");
        assertThat(second.prompt().responses().get(2).origin().kind()).isEqualTo(OriginKind.HUMAN);
    }

    @Test
    void bad_jsonl_lines_are_reported_with_line_number_and_reason() {
        ParseSummary s = parse(ImportFormat.JSONL, """
                {"prompt": "ok", "responses": ["a", "b"]}
                {"prompt": "one only", "responses": ["a"]}
                not json
                {"responses": ["a", "b"]}
                {"prompt": "too many", "responses": ["a", "b", "c", "d", "e"]}
                {"prompt": "empty", "responses": ["a", ""]}
                {"prompt": "%s", "responses": ["a", "b"]}
                [1, 2]
                """.formatted("x".repeat(201)));
        assertThat(s.items()).isEqualTo(1);
        assertThat(s.errors()).extracting(ImportLineError::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(s.errors().get(0).reason()).isEqualTo("has 1 response; this project ranks exactly 2 per prompt (its K)");
        assertThat(s.errors().get(3).reason()).isEqualTo("has 5 responses; this project ranks exactly 2 per prompt (its K)");
        assertThat(s.errors().get(1).reason()).contains("not valid JSON");
        assertThat(s.errors().get(2).reason()).contains("'prompt' is missing");
        assertThat(s.errors().get(4).reason()).contains("responses[1]");
        assertThat(s.errors().get(5).reason()).contains("over the limit of 200");
    }

    @Test
    void a_line_needs_exactly_the_projects_k_different_responses() {
        rules = new ImportRules(3, 200);
        ParseSummary s = parse(ImportFormat.JSONL, """
                {"prompt": "three", "responses": ["a", "b", "c"]}
                {"prompt": "two", "responses": ["a", "b"]}
                {"prompt": "four", "responses": ["a", "b", "c", "d"]}
                {"prompt": "a copy", "responses": ["same", "other", " same "]}
                """);
        assertThat(s.items()).isEqualTo(1);
        assertThat(s.errors()).containsExactly(
                new ImportLineError(2, "has 2 responses; this project ranks exactly 3 per prompt (its K)"),
                new ImportLineError(3, "has 4 responses; this project ranks exactly 3 per prompt (its K)"),
                new ImportLineError(4, "responses 1 and 3 are the same text; the responses to rank must differ"));

        items.clear();
        ParseSummary csv = parse(ImportFormat.CSV, "prompt,response_1,response_2,response_3\nq,a,b,c\nr,a,b,\n");
        assertThat(csv.errors()).containsExactly(
                new ImportLineError(3, "has 2 responses; this project ranks exactly 3 per prompt (its K)"));
    }

    @Test
    void invalid_utf8_is_reported_on_its_line() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"prompt\": \"ok\", \"responses\": [\"a\", \"b\"]}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"prompt\": \"bad \u00e9".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3); // a lead byte without its continuation
        b.writeBytes("\", \"responses\": [\"a\", \"b\"]}\n".getBytes(StandardCharsets.UTF_8));
        ParseSummary s = parse(ImportFormat.JSONL, b.toByteArray());
        assertThat(s.errors()).containsExactly(new ImportLineError(2, "invalid UTF-8"));
    }

    @Test
    void csv_reads_quoted_fields_with_commas_quotes_and_line_breaks() {
        rules = new ImportRules(3, 200);
        ParseSummary s = parse(ImportFormat.CSV, """
                prompt,response_1,response_2,response_3
                "Write, briefly","one \"\"quoted\"\"","two
                lines",three
                plain,a,b,c
                """);
        assertThat(s.errorCount()).isZero();
        ImportItem.Ranked first = (ImportItem.Ranked) items.get(0);
        assertThat(first.prompt().text()).isEqualTo("Write, briefly");
        assertThat(first.prompt().responses()).extracting(r -> r.text())
                .containsExactly("one \"quoted\"", "two\nlines", "three");
        assertThat(items.get(1).line()).isEqualTo(4);
        assertThat(((ImportItem.Ranked) items.get(1)).prompt().responses()).hasSize(3);
    }

    @Test
    void csv_rows_with_the_wrong_column_count_are_refused() {
        ParseSummary s = parse(ImportFormat.CSV, "prompt,response_a,response_b\nq,a\nq,a,b\n\"open,a,b\n");
        assertThat(s.items()).isEqualTo(1);
        assertThat(s.errors()).extracting(ImportLineError::line).containsExactly(2, 4);
        assertThat(s.errors().get(0).reason()).contains("expected 3 columns");
        assertThat(s.errors().get(1).reason()).contains("not closed");
    }

    @Test
    void csv_without_prompt_column_is_refused() {
        ParseSummary s = parse(ImportFormat.CSV, "question,answer\nq,a\n");
        assertThat(s.errorCount()).isEqualTo(1);
        assertThat(s.errors().getFirst().reason()).contains("'prompt' column");
    }

    /** The split itself is {@code formats.HhRlhfTest}'s; here, what an imported pair stores. */
    @Test
    void hh_rlhf_lines_become_pairs_and_bad_ones_are_reported_by_line() {
        ParseSummary s = parse(ImportFormat.HH_RLHF, """
                {"chosen": "\\n\\nHuman: What is 2+2?\\n\\nAssistant: 4", "rejected": "\\n\\nHuman: What is 2+2?\\n\\nAssistant: 5"}
                {"chosen": "\\n\\nHuman: Hi\\n\\nAssistant: Hello\\n\\nHuman: Joke?\\n\\nAssistant: Knock knock", "rejected": "\\n\\nHuman: Hi\\n\\nAssistant: Hello\\n\\nHuman: Joke?\\n\\nAssistant: No"}
                {"chosen": "\\n\\nHuman: A\\n\\nAssistant: x", "rejected": "\\n\\nHuman: B\\n\\nAssistant: y"}
                {"chosen": "no turns", "rejected": "\\n\\nHuman: B\\n\\nAssistant: y"}
                {"chosen": "\\n\\nHuman: A\\n\\nAssistant: x", "rejected": "\\n\\nHuman: A\\n\\nAssistant: x"}
                {"chosen": "\\n\\nHuman: Q\\n\\nAssistant: A\\n\\nAssistant: more", "rejected": "\\n\\nHuman: Q\\n\\nAssistant: B"}
                """);
        // line 6: a reply holding the marker itself stays whole (9 pairs of helpful-base do this)
        assertThat(items).containsExactly(new ImportItem.Pair(1, "What is 2+2?", "4", "5", 1, null),
                new ImportItem.Pair(2, "\n\nHuman: Hi\n\nAssistant: Hello\n\nHuman: Joke?", "Knock knock", "No", 1, null),
                new ImportItem.Pair(6, "Q", "A\n\nAssistant: more", "B", 1, null));
        assertThat(s.errors()).containsExactly(
                new ImportLineError(3, "chosen and rejected differ before the last Assistant turn"),
                new ImportLineError(4, "'chosen' has no \"\\n\\nAssistant:\" turn"),
                new ImportLineError(5, "chosen and rejected are the same text"));
    }

    @Test
    void trl_lines_read_strings_conversations_margin_and_group() {
        ParseSummary s = parse(ImportFormat.TRL, """
                {"prompt": "P", "chosen": "good", "rejected": "bad"}
                {"prompt": [{"role": "user", "content": "Q"}], "chosen": [{"role": "assistant", "content": "yes"}], "rejected": [{"role": "assistant", "content": "no"}], "margin": 2, "group_id": 17}
                {"prompt": "P", "chosen": "same", "rejected": "same"}
                {"prompt": "P", "chosen": "a", "rejected": "b", "margin": 0}
                """);
        assertThat(items).hasSize(2);
        ImportItem.Pair conv = (ImportItem.Pair) items.get(1);
        assertThat(conv).isEqualTo(new ImportItem.Pair(2, "Q", "yes", "no", 2, "17"));
        assertThat(((ImportItem.Pair) items.get(0)).margin()).isEqualTo(1);
        assertThat(s.errors()).extracting(ImportLineError::line).containsExactly(3, 4);
    }

    @Test
    void battle_lines_become_votes_and_read_arenas_own_spellings() {
        ParseSummary s = parse(ImportFormat.BATTLES, """
                {"prompt": "P", "model_a": " gpt-x ", "model_b": "llama", "answer_a": "a", "answer_b": "b", "winner": "A", "labeler": "ann"}
                {"prompt": "P", "model_a": "gpt-x", "model_b": "llama", "answer_a": "a", "answer_b": "a", "winner": "model_b", "labeler": null}
                {"prompt": "P", "model_a": "gpt-x", "model_b": "llama", "answer_a": "a", "answer_b": "b", "winner": "tie (bothbad)", "labeler": " "}
                {"prompt": "P", "model_a": "gpt-x", "model_b": "llama", "answer_a": "a", "answer_b": "b", "winner": "tie"}
                """);
        assertThat(s.errors()).isEmpty();
        assertThat(items).containsExactly(
                new ImportItem.Battle(1, "P", "gpt-x", "llama", "a", "b", BattleWinner.A, "ann"),
                new ImportItem.Battle(2, "P", "gpt-x", "llama", "a", "a", BattleWinner.B, null),
                new ImportItem.Battle(3, "P", "gpt-x", "llama", "a", "b", BattleWinner.BOTH_BAD, null),
                new ImportItem.Battle(4, "P", "gpt-x", "llama", "a", "b", BattleWinner.TIE, null));
    }

    @Test
    void bad_battle_lines_name_the_line_and_what_is_wrong() {
        String longName = "m".repeat(201);
        ParseSummary s = parse(ImportFormat.BATTLES, """
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "c"}
                {"prompt": "P", "model_a": "x", "answer_a": "a", "answer_b": "b", "winner": "a"}
                {"prompt": "P", "model_a": "x", "model_b": "x", "answer_a": "a", "answer_b": "b", "winner": "a"}
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "", "answer_b": "b", "winner": "a"}
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "a", "labeler": 7}
                {"prompt": "P", "model_a": "%s", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "a"}
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b"}
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "a"
                """.formatted(longName));
        assertThat(s.items()).isZero();
        assertThat(s.errors()).extracting(ImportLineError::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(s.errors().get(0).reason()).isEqualTo("'winner' must be \"a\", \"b\", \"tie\" or \"both_bad\", was \"c\"");
        assertThat(s.errors().get(1).reason()).isEqualTo("'model_b' is missing");
        assertThat(s.errors().get(2).reason()).contains("a battle needs two different systems");
        assertThat(s.errors().get(3).reason()).isEqualTo("answer_a must not be empty");
        assertThat(s.errors().get(4).reason()).isEqualTo("'labeler' must be a string");
        assertThat(s.errors().get(5).reason()).isEqualTo("model_a is 201 characters, over the limit of 200");
        assertThat(s.errors().get(6).reason()).isEqualTo("'winner' is missing");
        assertThat(s.errors().get(7).reason()).startsWith("not valid JSON");
    }
}
