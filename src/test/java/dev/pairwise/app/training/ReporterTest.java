package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
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
}
