package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.jobs.config.JobSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import tools.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ReporterTest {

    @Test
    void a_short_run_charts_every_step() {
        assertThat(LongStream.rangeClosed(1, 40).filter(s -> Reporter.due(s, 40)).count()).isEqualTo(40);
    }

    @Test
    void a_long_run_charts_about_two_hundred_points_including_the_first_and_last() {
        long total = 100_003;
        long points = LongStream.rangeClosed(1, total).filter(s -> Reporter.due(s, total)).count();
        assertThat(points).isBetween(200L, 202L);
        assertThat(Reporter.due(1, total)).isTrue();
        assertThat(Reporter.due(total, total)).isTrue();
    }

    @Test
    void a_run_logs_about_ten_lines() {
        long lines = LongStream.rangeClosed(1, 1000).filter(s -> Reporter.logDue(s, 1000)).count();
        assertThat(lines).isBetween(10L, 12L);
    }

    @Test
    void an_evaluation_without_held_out_examples_is_logged_as_skipped_and_not_charted() {
        RecordingContext ctx = new RecordingContext(JobSettings.check(List.of(), JsonNodeFactory.instance.objectNode()), List.of(), null, Path.of("unused"), 0);
        Reporter reporter = new Reporter(ctx);
        reporter.onEval(3, Map.of("eval_loss", Double.NaN));
        reporter.onEval(6, Map.of("eval_loss", 1.5));
        assertThat(ctx.metrics).extracting(RecordingContext.Point::name).containsExactly("eval_loss");
        assertThat(ctx.log).containsExactly("eval at step 3 skipped: no held-out examples", "eval at step 6 eval_loss=1.500");
    }
}
