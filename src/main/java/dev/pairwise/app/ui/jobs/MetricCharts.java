package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.html.Div;
import dev.pairwise.app.jobs.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's metrics as small multiples: one {@link LineChart} per family of metrics that share a
 * scale. Families follow the names trainers use (TRL's): {@code loss} and {@code val_loss} share
 * one chart, as do {@code accuracy}/{@code val_accuracy} and every {@code rewards/*} or
 * {@code objective/*}; any other metric ({@code lr}, {@code tokens_per_s}, PPO's {@code kl},
 * {@code beta}, {@code entropy}, {@code clip_fraction}...) gets a chart of its own, because their
 * scales differ by orders of magnitude and would flatten each other.
 */
class MetricCharts extends Div {

    private final Map<String, LineChart> charts = new LinkedHashMap<>();
    private int shownPoints = -1;

    MetricCharts() {
        addClassName("metric-charts");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        JobsUi.testId(this, "metric-charts");
    }

    /** Redraws from a job's whole series (in step order); a no-op when nothing new arrived. */
    void update(List<MetricPoint> points) {
        if (points.size() == shownPoints) {
            return;
        }
        shownPoints = points.size();
        Map<String, Map<String, List<LineChart.Point>>> families = group(points);
        families.forEach((family, series) -> charts.computeIfAbsent(family, f -> {
            LineChart chart = JobsUi.testId(new LineChart(f), "chart-" + f.replaceAll("[^A-Za-z0-9_-]", "_"));
            add(chart);
            return chart;
        }).setSeries(series));
    }

    /** Forgets the charts (another job is shown). */
    void reset() {
        removeAll();
        charts.clear();
        shownPoints = -1;
    }

    /** Family → metric name → points, families in {@link #order}, metrics as first reported. */
    static Map<String, Map<String, List<LineChart.Point>>> group(List<MetricPoint> points) {
        Map<String, Map<String, List<LineChart.Point>>> families = new LinkedHashMap<>();
        List<MetricPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing((MetricPoint p) -> order(family(p.name()))));
        for (MetricPoint p : sorted) {
            families.computeIfAbsent(family(p.name()), f -> new LinkedHashMap<>())
                    .computeIfAbsent(p.name(), n -> new ArrayList<>())
                    .add(new LineChart.Point(p.step(), p.value()));
        }
        return families;
    }

    /** The chart a metric belongs on. */
    static String family(String metric) {
        int slash = metric.indexOf('/');
        if (slash > 0) {
            return metric.substring(0, slash);
        }
        String lower = metric.toLowerCase();
        if (lower.endsWith("loss")) {
            return "loss";
        }
        if (lower.endsWith("accuracy")) {
            return "accuracy";
        }
        return metric;
    }

    /** Losses first, then accuracy and rewards; the rest keep their first-seen order (stable sort). */
    private static int order(String family) {
        return switch (family) {
            case "loss" -> 0;
            case "accuracy" -> 1;
            case "rewards" -> 2;
            default -> 3;
        };
    }
}
