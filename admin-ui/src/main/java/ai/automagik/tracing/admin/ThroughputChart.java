package ai.automagik.tracing.admin;

import ai.automagik.tracing.admin.ThroughputHistory.Rate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Draws the throughput of the last minutes on the server (no chart add-on, no frontend build): an SVG plot of
 * events per second over a fixed time axis ending now, with its scale and times as HTML labels beside it (text in
 * a stretched SVG would be distorted), or a "no data yet" message until two samples exist.
 */
final class ThroughputChart {

    static final int WIDTH = 600;
    static final int HEIGHT = 120;
    private static final int PAD = 4;
    private static final String LABELS = "font-size:var(--lumo-font-size-xs);color:var(--lumo-secondary-text-color)";

    private ThroughputChart() {
    }

    /** The chart as one HTML element: the plot, the events-per-second scale and the time axis. */
    static String html(List<Rate> rates, Instant now, Duration window) {
        StringBuilder html = new StringBuilder(1024)
                .append("<div style=\"display:grid;grid-template-columns:auto minmax(0,1fr);grid-template-rows:")
                .append(HEIGHT).append("px auto;column-gap:var(--lumo-space-xs);").append(LABELS).append("\">");
        if (rates.size() < 2) {
            html.append("<div></div><div data-chart=\"empty\" style=\"display:flex;align-items:center;")
                    .append("justify-content:center;border:1px solid #ccc;text-align:center;padding:0 1em\">")
                    .append("No data yet: the chart starts when telemetry events are sent (run an agent, or send a ")
                    .append("test event).</div>");
        } else {
            double peak = peak(rates);
            html.append("<div style=\"display:flex;flex-direction:column;justify-content:space-between;")
                    .append("text-align:right;white-space:nowrap\"><span data-axis=\"y-max\">").append(perSecond(peak))
                    .append("</span><span>").append(perSecond(peak / 2)).append("</span><span data-axis=\"y-min\">0/s")
                    .append("</span></div>").append(svg(rates, now, window, peak));
        }
        html.append("<div></div><div style=\"display:flex;justify-content:space-between;white-space:nowrap\">")
                .append("<span data-axis=\"x-min\">").append(ago(window)).append("</span><span>")
                .append(ago(window.dividedBy(2))).append("</span><span data-axis=\"x-max\">now</span></div></div>");
        return html.toString();
    }

    /** Delivered events per second as a green line, dropped or failed as a red one; the peak at the top. */
    static String svg(List<Rate> rates, Instant now, Duration window, double peak) {
        StringBuilder svg = new StringBuilder(512)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" preserveAspectRatio=\"none\" style=\"width:100%;height:").append(HEIGHT).append("px\">")
                .append("<title>Events per second over the last ").append(window.toMinutes())
                .append(" minutes; peak ").append(String.format(Locale.ROOT, "%.1f", peak)).append("</title>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"none\" stroke=\"#ccc\"/>")
                .append("<line x1=\"0\" y1=\"").append(HEIGHT / 2).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT / 2).append("\" stroke=\"#eee\"/>");
        svg.append(line(rates, now, window, peak, true, "#2e7d32"));
        svg.append(line(rates, now, window, peak, false, "#c62828"));
        return svg.append("</svg>").toString();
    }

    private static String ago(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min ago" : seconds / 60 + " min " + seconds % 60 + " s ago";
    }

    private static double peak(List<Rate> rates) {
        double peak = 1;
        for (Rate rate : rates) {
            peak = Math.max(peak, Math.max(rate.processedPerSecond(), rate.lostPerSecond()));
        }
        return peak;
    }

    private static String perSecond(double value) {
        return (value >= 10 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value))
                + "/s";
    }

    private static String line(List<Rate> rates, Instant now, Duration window, double peak, boolean processed,
            String colour) {
        StringBuilder points = new StringBuilder();
        double windowMillis = window.toMillis();
        Instant start = now.minus(window);
        for (Rate rate : rates) {
            double value = processed ? rate.processedPerSecond() : rate.lostPerSecond();
            double position = Math.max(0, Math.min(1, Duration.between(start, rate.at()).toMillis() / windowMillis));
            double x = PAD + (WIDTH - 2.0 * PAD) * position;
            double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * value / peak;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\""
                + " points=\"" + points.toString().trim() + "\" data-series=\"" + (processed ? "processed" : "lost")
                + "\"/>";
    }
}
