package dev.pairwise.app.ui.jobs;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small line chart drawn on the server as SVG: one polyline per series over a shared step axis,
 * min/mid/max ticks on the value axis, first/last step on the step axis, and a legend with each
 * series' last value. Pure Java on purpose — no chart library, no client code, no licence — so it
 * renders from Vaadin's pre-compiled bundle and updates by replacing one SVG string.
 *
 * <p>Non-finite values (a diverged loss) are left out of the lines and the scale, but a series
 * whose last value is NaN says so in the legend. Long series are thinned to {@link #MAX_POINTS}
 * points (every k-th, always keeping the last), which is all a 360-pixel plot can show.
 */
public class LineChart extends Div {

    /** One point: a step and its value. */
    public record Point(long step, double value) {
    }

    static final int WIDTH = 360;
    static final int HEIGHT = 180;
    static final int MAX_POINTS = 400;
    // Plot area inside the SVG: room on the left for tick labels, at the bottom for steps and legend.
    static final int LEFT = 56;
    static final int RIGHT = WIDTH - 8;
    static final int TOP = 8;
    static final int BOTTOM = HEIGHT - 40;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    private final Svg svg = new Svg(render(Map.of()));

    /** An empty chart titled {@code title}. */
    public LineChart(String title) {
        addClassName("line-chart");
        Div heading = new Div(title);
        heading.addClassName("line-chart-title");
        add(heading, svg);
    }

    /** Redraws the chart with these series (name → points in step order). */
    public void setSeries(Map<String, List<Point>> series) {
        svg.setSvg(render(series));
    }

    /** The SVG text for {@code series}. */
    static String render(Map<String, List<Point>> series) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" font-size=\"10\" font-family=\"sans-serif\">");
        out.append(line(LEFT, TOP, LEFT, BOTTOM)).append(line(LEFT, BOTTOM, RIGHT, BOTTOM));
        Range steps = Range.of(series.values().stream().flatMap(List::stream).map(p -> (double) p.step()).toList());
        Range values = Range.of(series.values().stream().flatMap(List::stream).map(Point::value).toList());
        if (steps == null || values == null) {
            out.append(text(LEFT + 8, (TOP + BOTTOM) / 2, "start", "no data yet"));
        } else {
            values = values.padded();
            for (double v : new double[] {values.min, (values.min + values.max) / 2, values.max}) {
                double y = scale(v, values.min, values.max, BOTTOM, TOP);
                out.append(text(LEFT - 4, y + 3, "end", format(v))).append(line(LEFT - 2, y, LEFT, y));
            }
            out.append(text(LEFT, BOTTOM + 12, "start", Long.toString((long) steps.min)))
                    .append(text(RIGHT, BOTTOM + 12, "end", "step " + (long) steps.max));
        }
        int i = 0;
        for (Map.Entry<String, List<Point>> s : series.entrySet()) {
            String color = COLORS[i % COLORS.length];
            List<Point> points = thin(s.getValue());
            if (steps != null && values != null && !points.isEmpty()) {
                out.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(color)
                        .append("\" data-series=\"").append(escape(s.getKey())).append("\" points=\"");
                for (Point p : points) {
                    out.append(coordinate(scale(p.step(), steps.min, steps.max, LEFT, RIGHT))).append(',')
                            .append(coordinate(scale(p.value(), values.min, values.max, BOTTOM, TOP))).append(' ');
                }
                out.setLength(out.length() - 1);
                out.append("\"/>");
                // A dot on the newest point, so a series of one point (a final evaluation) shows too.
                Point newest = points.getLast();
                out.append("<circle r=\"2.5\" fill=\"").append(color).append("\" cx=\"")
                        .append(coordinate(scale(newest.step(), steps.min, steps.max, LEFT, RIGHT))).append("\" cy=\"")
                        .append(coordinate(scale(newest.value(), values.min, values.max, BOTTOM, TOP))).append("\"/>");
            }
            List<Point> all = s.getValue();
            String last = all.isEmpty() ? "–" : format(all.getLast().value());
            int x = LEFT + (i % 2) * 150;
            int y = BOTTOM + 24 + (i / 2) * 12;
            out.append("<rect x=\"").append(x).append("\" y=\"").append(y - 7).append("\" width=\"8\" height=\"8\" fill=\"")
                    .append(color).append("\"/>").append(text(x + 11, y, "start", s.getKey() + " = " + last));
            i++;
        }
        return out.append("</svg>").toString();
    }

    /** Maps {@code v} from [min, max] to [from, to] (to may be below from: SVG's y grows downwards). */
    static double scale(double v, double min, double max, double from, double to) {
        return max == min ? (from + to) / 2 : from + (v - min) / (max - min) * (to - from);
    }

    /** The finite points, at most {@link #MAX_POINTS}: every k-th, and always the last. */
    static List<Point> thin(List<Point> points) {
        List<Point> finite = points.stream().filter(p -> Double.isFinite(p.value())).toList();
        if (finite.size() <= MAX_POINTS) {
            return finite;
        }
        int every = (int) Math.ceil(finite.size() / (double) (MAX_POINTS - 1));
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < finite.size() - 1; i += every) {
            kept.add(finite.get(i));
        }
        kept.add(finite.getLast());
        return kept;
    }

    /** Four significant digits, scientific notation for very small or large magnitudes. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "+∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line stroke=\"#999\" x1=\"" + coordinate(x1) + "\" y1=\"" + coordinate(y1) + "\" x2=\"" + coordinate(x2)
                + "\" y2=\"" + coordinate(y2) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The extent of the finite values, or null when there are none. */
    private record Range(double min, double max) {

        static @Nullable Range of(List<Double> values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            return min > max ? null : new Range(min, max);
        }

        /** 5% headroom, and a flat series gets a band around its value instead of a zero span. */
        Range padded() {
            double span = max - min;
            double pad = span > 0 ? span * 0.05 : Math.max(Math.abs(min) * 0.1, 1e-9);
            return new Range(min - pad, max + pad);
        }
    }
}
