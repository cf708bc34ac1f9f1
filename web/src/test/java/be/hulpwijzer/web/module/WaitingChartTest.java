package be.hulpwijzer.web.module;

import be.hulpwijzer.catalogue.availability.AvailabilityChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The waiting history drawn as a step line a browser can render. */
class WaitingChartTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void drawsEachChangeAsAStepFromWhereTheLastOneLeftOffUntilToday() {
        // plot: x from 48 (a year ago) to 592 (now); y from 192 (0 weeks) up 180 pixels to the top (4 weeks)
        String svg = WaitingChart.svg(List.of(change(300, "waiting", 21), change(100, "free", null)), NOW, "wachttijd");
        assertThat(path(svg)).isEqualTo("M145 57 H443 V192 H592");
    }

    @Test
    void aPeriodWhoseWaitWasUnknownIsAGapNotTheLastKnownWaitDrawnOn() {
        String svg = WaitingChart.svg(List.of(change(300, "waiting", 21), change(200, "unknown", null), change(100, "free", null)),
                NOW, "wachttijd");
        assertThat(path(svg)).isEqualTo("M145 57 H294 M443 192 H592");
    }

    @Test
    void labelsTheAxisInWeeksAndKeepsTheLastMonthInsideTheChart() {
        String svg = WaitingChart.svg(List.of(change(30, "waiting", 40)), NOW, "wachttijd");
        assertThat(svg).contains(">weken wachten</text>", ">0</text>", ">2</text>", ">4</text>", ">6</text>", ">8</text>");
        assertThat(svg).containsPattern("<text x=\"592\" y=\"212\" text-anchor=\"end\">dec\\.? 26</text>");
    }

    @Test
    void drawsNothingWithoutHistoryInTheLastYear() {
        assertThat(WaitingChart.svg(List.of(change(400, "waiting", 10)), NOW, "wachttijd")).isNull();
    }

    private static String path(String svg) {
        Matcher d = Pattern.compile("<path class=\"line\" d=\"([^\"]*)\"").matcher(svg);
        assertThat(d.find()).isTrue();
        return d.group(1);
    }

    private static AvailabilityChange change(int daysAgo, String state, Integer waitDays) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        return new AvailabilityChange(null, 1L, state, null, null, waitDays, null, null, at, null, at);
    }
}
