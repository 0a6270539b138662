package ai.automagik.tracing.admin;

import ai.automagik.tracing.admin.ThroughputHistory.Rate;
import java.util.List;
import java.util.Locale;

/** Draws the throughput of the last minutes as a small SVG, on the server (no chart add-on, no frontend build). */
final class ThroughputChart {

    static final int WIDTH = 600;
    static final int HEIGHT = 120;
    private static final int PAD = 4;

    private ThroughputChart() {
    }

    /** Delivered events per second as a green line, dropped or failed as a red one; scaled to the peak. */
    static String svg(List<Rate> rates) {
        double peak = 1;
        for (Rate rate : rates) {
            peak = Math.max(peak, Math.max(rate.processedPerSecond(), rate.lostPerSecond()));
        }
        StringBuilder svg = new StringBuilder(512)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" preserveAspectRatio=\"none\" style=\"width:100%;height:120px\">")
                .append("<title>Events per second over the last minutes; peak ")
                .append(String.format(Locale.ROOT, "%.1f", peak)).append("</title>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"none\" stroke=\"#ccc\"/>");
        if (rates.size() >= 2) {
            svg.append(line(rates, peak, true, "#2e7d32"));
            svg.append(line(rates, peak, false, "#c62828"));
        }
        return svg.append("</svg>").toString();
    }

    private static String line(List<Rate> rates, double peak, boolean processed, String colour) {
        StringBuilder points = new StringBuilder();
        int n = rates.size();
        for (int i = 0; i < n; i++) {
            double value = processed ? rates.get(i).processedPerSecond() : rates.get(i).lostPerSecond();
            double x = PAD + (WIDTH - 2.0 * PAD) * i / (n - 1);
            double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * value / peak;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + points.toString().trim()
                + "\" data-series=\"" + (processed ? "processed" : "lost") + "\"/>";
    }
}
