package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code agreement --judgments FILE}: one JSON line with the numbers worked out by hand in
 * {@code AgreementTest} (the same project, as an export file); a bad line is named with its number.
 */
class AgreementCommandTest {

    @TempDir
    Path dir;

    @Test
    void prints_one_json_line_with_the_hand_computed_numbers() throws IOException {
        Path file = dir.resolve("judgments.jsonl");
        Files.writeString(file, """
                {"task_id":1,"labeler":"ann","tiers":[[1],[2],[3]],"judgment_id":1,"created_at":"2026-12-03T10:00:00Z"}
                {"task_id":1,"labeler":"bob","tiers":[[1],[3],[2]],"judgment_id":2,"created_at":"2026-12-03T10:00:01Z"}
                {"task_id":1,"labeler":"cy","tiers":[[1,2],[3]],"judgment_id":3,"created_at":"2026-12-03T10:00:02Z"}

                {"task_id":2,"labeler":"bob","tiers":[[5],[4]],"judgment_id":4,"created_at":"2026-12-03T10:00:03Z"}
                {"task_id":2,"labeler":"ann","tiers":[[5],[4]],"judgment_id":5,"created_at":"2026-12-03T10:00:04Z"}
                {"task_id":3,"labeler":"ann","tiers":[[6],[7]],"judgment_id":6,"created_at":"2026-12-03T10:00:05Z"}
                {"task_id":1,"labeler":"rev","tiers":[[3],[2],[1]],"judgment_id":7,"created_at":"2026-12-03T10:00:06Z","adjudicated":true}
                """, StandardCharsets.UTF_8);

        // the adjudicated ranking (a reviewer's decision) is not a labeler's: the numbers stay as without it
        Cli run = Cli.run("agreement", "--judgments", file.toString());

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = Json.parse(run.lastOutLine());
        assertThat(json.get("pairwise_agreement").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(json.get("krippendorff_alpha").asDouble()).isCloseTo(1 - 40.0 / 62, within(1e-12));
        assertThat(json.get("kendall_tau_b").asDouble())
                .isCloseTo((1.0 / 3 + 2 / Math.sqrt(6) + 1) / 4, within(1e-12));
        assertThat(json.get("units").asLong()).isEqualTo(4);
        assertThat(json.get("labelers").asInt()).isEqualTo(3);
        assertThat(json.get("per_labeler")).hasSize(3);
    }

    @Test
    void a_bad_line_fails_with_its_number_and_field() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"task_id":1,"labeler":"ann","tiers":[[1],[2]]}
                {"task_id":1,"labeler":"bob","tiers":[["x"],[2]]}
                """, StandardCharsets.UTF_8);

        Cli run = Cli.run("agreement", "--judgments", file.toString());

        assertThat(run.code()).as("%s", run).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("agreement: ", "bad.jsonl:2", "tiers");
        assertThat(Cli.run("agreement").code()).isEqualTo(2);
        Cli missing = Cli.run("agreement", "--judgments", dir.resolve("none.jsonl").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.errLines()).singleElement().asString().contains("file not found");
    }
}
