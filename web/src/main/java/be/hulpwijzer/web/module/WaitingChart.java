package be.hulpwijzer.web.module;

import be.hulpwijzer.catalogue.availability.AvailabilityChange;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Texts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The waiting history as an inline SVG line chart, drawn on the server: expected wait in days over the
 * last twelve months. Only numbers and fixed labels go into the markup, so nothing needs escaping.
 */
final class WaitingChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.forLanguageTag("nl-BE"));

    private WaitingChart() {
    }

    /**
     * Null when there is nothing to draw. The wait is drawn in weeks; a period whose wait is not known (state
     * "onbekend", closed, or a waiting list without an estimate) is a gap, never the last known wait drawn on.
     */
    static String svg(List<AvailabilityChange> history, Instant now, String label) {
        Instant from = now.minus(Duration.ofDays(365));
        List<AvailabilityChange> changes = history.stream().filter(c -> !c.confirmedAt().isBefore(from)).toList();
        if (changes.stream().noneMatch(WaitingChart::known)) {
            return null;
        }
        double maxWeeks = Math.max(2, changes.stream().filter(WaitingChart::known).mapToDouble(WaitingChart::weeks).max().orElse(0));
        int top = (int) (Math.ceil(maxWeeks / 4.0) * 4); // ticks of whole weeks, four of them
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(label).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - 8, HEIGHT - BOTTOM));
        svg.append("<text class=\"unit\" x=\"12\" y=\"").append(TOP + plotHeight / 2)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ").append(TOP + plotHeight / 2).append(")\">")
                .append(Texts.get("chartWeeksAxis")).append("</text>");
        for (int i = 0; i <= 4; i++) {
            int value = top * i / 4;
            int y = HEIGHT - BOTTOM - plotHeight * i / 4;
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">")
                    .append(value).append("</text>");
        }
        for (int month = 0; month <= 12; month += 3) {
            Instant at = from.plus(Duration.ofDays(month * 365L / 12));
            // the last label ends at the axis' end: centred there, it was cut off by the chart's edge
            svg.append("<text x=\"").append(x(at, from)).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"").append(month == 12 ? "end" : "middle").append("\">")
                    .append(MONTH.format(at.atZone(Dutch.BRUSSELS))).append("</text>");
        }
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (AvailabilityChange change : changes) {
            int x = x(change.confirmedAt(), from);
            if (!known(change)) {
                if (drawing) {
                    path.append(" H").append(x); // the known wait held until here; then a gap
                }
                drawing = false;
                continue;
            }
            int y = HEIGHT - BOTTOM - (int) Math.round(plotHeight * weeks(change) / top);
            if (!drawing) {
                path.append(path.length() == 0 ? "" : " ").append('M').append(x).append(' ').append(y);
            } else {
                path.append(" H").append(x).append(" V").append(y); // a step line: the wait holds until the next change
            }
            drawing = true;
        }
        if (drawing) {
            path.append(" H").append(x(now, from));
        }
        svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
        return svg.append("</svg>").toString();
    }

    /** Whether the change says how long the wait is: room now (none), or a waiting list with an estimate. */
    private static boolean known(AvailabilityChange change) {
        return "free".equals(change.state()) || "waiting".equals(change.state()) && change.expectedWaitDays() != null;
    }

    private static double weeks(AvailabilityChange change) {
        return "free".equals(change.state()) ? 0 : change.expectedWaitDays() / 7.0;
    }

    private static int x(Instant at, Instant from) {
        double share = Duration.between(from, at).toMinutes() / (double) Duration.ofDays(365).toMinutes();
        return LEFT + (int) Math.round(Math.max(0, Math.min(1, share)) * (WIDTH - 8 - LEFT));
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line class=\"axis\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
    }
}
