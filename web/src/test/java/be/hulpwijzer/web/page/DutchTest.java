package be.hulpwijzer.web.page;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DutchTest {

    @ParameterizedTest(name = "{0}..{1} months reads \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "open", textBlock = """
            144 | 215  | 12 tot 18 jaar
            144 | 216  | 12 tot 18 jaar
            -9  | 35   | zwangerschap tot 3 jaar
            6   | 35   | 6 maanden tot 3 jaar
            216 | open | vanaf 18 jaar
            -9  | open | alle leeftijden
            """)
    void agesReadAsPeopleSayThem(int min, Integer max, String expected) {
        assertThat(Dutch.ages(min, max)).isEqualTo(expected);
    }

    @Test
    void availabilityBadgesSayPlacesOrWeeks() {
        assertThat(Dutch.availability("free", 1, 0)).isEqualTo("1 plaats vrij");
        assertThat(Dutch.availability("free", 3, null)).isEqualTo("3 plaatsen vrij");
        assertThat(Dutch.availability("waiting", null, 84)).isEqualTo("± 12 weken wachten");
        assertThat(Dutch.availability("waiting", null, 5)).isEqualTo("± 5 dagen wachten");
        assertThat(Dutch.availability("closed", null, null)).isEqualTo("Aanmelding gesloten");
        assertThat(Dutch.availability(null, null, null)).isEqualTo("Beschikbaarheid onbekend");
    }

    @Test
    void freshnessTurnsStaleAfterThirtyDays() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        assertThat(Dutch.freshness(now.minus(Duration.ofDays(2)), now)).isEqualTo("bevestigd 2 dagen geleden");
        assertThat(Dutch.freshness(now.minus(Duration.ofDays(31)), now)).isEqualTo("niet recent bevestigd (22 oktober 2026)");
        assertThat(Dutch.stale(now.minus(Duration.ofDays(31)), now)).isTrue();
        assertThat(Dutch.freshness(null, now)).isEqualTo("nooit bevestigd");
    }
}
