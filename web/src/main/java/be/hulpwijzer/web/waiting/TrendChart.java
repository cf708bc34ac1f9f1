package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.report.WaitingTrend;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The weekly median wait as an inline SVG line, drawn on the server. Only numbers and dates go into it. */
final class TrendChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.forLanguageTag("nl-BE"));

    private TrendChart() {
    }

    /** Null when no week has a known wait. */
    static String svg(List<WaitingTrend.Week> weeks, String label) {
        double max = weeks.stream().filter(w -> w.medianWaitDays() != null).mapToDouble(WaitingTrend.Week::medianWaitDays)
                .max().orElse(-1);
        if (max < 0) {
            return null;
        }
        int top = (int) Math.max(14, Math.ceil(max / 7.0) * 7);
        int plot = HEIGHT - TOP - BOTTOM;
        double step = (WIDTH - 8 - LEFT) / (double) Math.max(1, weeks.size() - 1);
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + label + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - 8).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        for (int i = 0; i <= 4; i++) {
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(HEIGHT - BOTTOM - plot * i / 4 + 4)
                    .append("\" text-anchor=\"end\">").append(top * i / 4).append("</text>");
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < weeks.size(); i++) {
            WaitingTrend.Week week = weeks.get(i);
            int x = LEFT + (int) Math.round(i * step);
            if (i % 13 == 0) {
                svg.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - 8).append("\" text-anchor=\"middle\">")
                        .append(MONTH.format(week.week())).append("</text>");
            }
            if (week.medianWaitDays() == null) {
                continue;
            }
            int y = HEIGHT - BOTTOM - (int) Math.round(plot * week.medianWaitDays() / top);
            path.append(path.length() == 0 ? "M" : " L").append(x).append(' ').append(y);
        }
        svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        return svg.append("</svg>").toString();
    }
}
