package dev.pairwise.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.jobs.MetricPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricChartsTest {

    private static MetricPoint p(long step, String name, double value) {
        return new MetricPoint(step, name, value, Instant.EPOCH);
    }

    @Test
    void metrics_sharing_a_scale_share_a_chart_and_others_get_their_own() {
        assertThat(MetricCharts.family("loss")).isEqualTo("loss");
        assertThat(MetricCharts.family("val_loss")).isEqualTo("loss");
        assertThat(MetricCharts.family("val_accuracy")).isEqualTo("accuracy");
        assertThat(MetricCharts.family("rewards/margins")).isEqualTo("rewards");
        assertThat(MetricCharts.family("objective/kl")).isEqualTo("objective");
        assertThat(MetricCharts.family("lr")).isEqualTo("lr");
        assertThat(MetricCharts.family("clip_fraction")).isEqualTo("clip_fraction");
    }

    @Test
    void grouping_puts_losses_first_and_keeps_each_series_in_step_order() {
        var families = MetricCharts.group(List.of(p(1, "lr", 1e-4), p(1, "loss", 3), p(1, "rewards/chosen", 0.1),
                p(2, "lr", 2e-4), p(2, "loss", 2), p(2, "val_loss", 2.5), p(2, "rewards/rejected", -0.1)));
        assertThat(families.keySet()).containsExactly("loss", "rewards", "lr");
        assertThat(families.get("loss").keySet()).containsExactly("loss", "val_loss");
        assertThat(families.get("loss").get("loss")).extracting(LineChart.Point::step).containsExactly(1L, 2L);
        assertThat(families.get("rewards").keySet()).containsExactly("rewards/chosen", "rewards/rejected");
    }

    @Test
    void an_update_adds_a_chart_per_new_family_and_redraws_the_existing_ones() {
        MetricCharts charts = new MetricCharts();
        charts.update(List.of(p(1, "loss", 3)));
        assertThat(charts.getChildren()).hasSize(1);
        charts.update(List.of(p(1, "loss", 3), p(2, "loss", 2), p(2, "lr", 1e-4)));
        assertThat(charts.getChildren()).hasSize(2);
    }
}
