package dev.pairwise.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static final Pattern POLYLINE = Pattern.compile("<polyline [^>]*data-series=\"([^\"]*)\" points=\"([^\"]*)\"");

    private static Map<String, List<double[]>> lines(String svg) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        Matcher m = POLYLINE.matcher(svg);
        while (m.find()) {
            List<double[]> points = new ArrayList<>();
            for (String xy : m.group(2).split(" ")) {
                String[] p = xy.split(",");
                points.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])});
            }
            out.put(m.group(1), points);
        }
        return out;
    }

    private static List<LineChart.Point> points(double... values) {
        List<LineChart.Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new LineChart.Point(i + 1, values[i]));
        }
        return out;
    }

    @Test
    void the_extremes_touch_the_plot_edges_and_low_values_sit_low() {
        List<double[]> line = lines(LineChart.render(Map.of("loss", points(4, 2, 1)))).get("loss");
        assertThat(line).hasSize(3);
        assertThat(line.getFirst()[0]).isEqualTo(LineChart.LEFT);
        assertThat(line.getLast()[0]).isEqualTo(LineChart.RIGHT);
        // y grows downwards: the highest loss is nearest the top, within the 5% headroom.
        assertThat(line.get(0)[1]).isLessThan(line.get(1)[1]).isGreaterThan(LineChart.TOP);
        assertThat(line.get(2)[1]).isGreaterThan(line.get(1)[1]).isLessThan(LineChart.BOTTOM);
    }

    @Test
    void scale_maps_linearly_and_a_zero_span_to_the_middle() {
        assertThat(LineChart.scale(5, 0, 10, 0, 100)).isEqualTo(50);
        assertThat(LineChart.scale(0, 0, 10, 140, 8)).isEqualTo(140);
        assertThat(LineChart.scale(3, 3, 3, 0, 100)).isEqualTo(50);
    }

    @Test
    void nan_and_infinite_values_are_left_out_of_the_line_but_a_final_nan_shows_in_the_legend() {
        String svg = LineChart.render(Map.of("loss", points(2, Double.NaN, 1, Double.POSITIVE_INFINITY, Double.NaN)));
        assertThat(lines(svg).get("loss")).hasSize(2);
        assertThat(svg).contains("loss = NaN").doesNotContain("Infinity");
    }

    @Test
    void two_series_share_the_axes_and_get_one_line_and_legend_entry_each() {
        Map<String, List<LineChart.Point>> series = new LinkedHashMap<>();
        series.put("loss", points(3, 2));
        series.put("val_loss", points(3.5, 2.5));
        String svg = LineChart.render(series);
        assertThat(lines(svg)).containsOnlyKeys("loss", "val_loss");
        assertThat(svg).contains("loss = 2").contains("val_loss = 2.5");
    }

    @Test
    void a_flat_series_and_a_single_point_still_draw() {
        assertThat(lines(LineChart.render(Map.of("lr", points(0.001, 0.001, 0.001)))).get("lr")).hasSize(3);
        String single = LineChart.render(Map.of("kl", points(0.5)));
        assertThat(lines(single).get("kl")).hasSize(1);
        assertThat(single).contains("<circle");
    }

    @Test
    void no_data_draws_an_empty_chart_that_says_so() {
        assertThat(LineChart.render(Map.of())).startsWith("<svg").contains("no data yet").doesNotContain("<polyline");
        assertThat(LineChart.render(Map.of("loss", points(Double.NaN)))).contains("no data yet").contains("loss = NaN");
    }

    @Test
    void long_series_are_thinned_keeping_the_last_point() {
        List<LineChart.Point> many = LongStream.rangeClosed(1, 10_000).mapToObj(s -> new LineChart.Point(s, s)).toList();
        List<LineChart.Point> kept = LineChart.thin(many);
        assertThat(kept.size()).isLessThanOrEqualTo(LineChart.MAX_POINTS).isGreaterThan(LineChart.MAX_POINTS / 2);
        assertThat(kept.getFirst().step()).isEqualTo(1);
        assertThat(kept.getLast().step()).isEqualTo(10_000);
    }

    @Test
    void names_are_escaped_and_numbers_are_compact() {
        assertThat(LineChart.render(Map.of("a<b&\"c\"", points(1, 2)))).contains("a&lt;b&amp;&quot;c&quot;");
        assertThat(LineChart.format(0.25)).isEqualTo("0.25");
        assertThat(LineChart.format(3.0)).isEqualTo("3");
        assertThat(LineChart.format(1234.5678)).isEqualTo("1235");
        assertThat(LineChart.format(0.0001)).isEqualTo("1.00e-04");
        assertThat(LineChart.format(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
    }
}
