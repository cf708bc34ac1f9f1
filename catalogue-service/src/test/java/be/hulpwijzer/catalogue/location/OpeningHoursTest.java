package be.hulpwijzer.catalogue.location;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening hours are typed as people write them and kept as weekly periods that map onto HSDS schedules. */
class OpeningHoursTest {

    @Test
    void aRangeOfDaysWithTwoPeriodsBecomesTenWeeklyPeriods() {
        List<OpeningHours> hours = OpeningHours.parse("maandag t/m vrijdag 9:00-12:00 en 13:00-17:00").orElseThrow();
        assertThat(hours).hasSize(10);
        assertThat(hours.get(0)).isEqualTo(new OpeningHours(1, LocalTime.of(9, 0), LocalTime.of(12, 0), null));
        assertThat(hours.get(9)).isEqualTo(new OpeningHours(5, LocalTime.of(13, 0), LocalTime.of(17, 0), null));
    }

    @Test
    void shortDayNamesHoursWithUAndANoteAreUnderstood() {
        List<OpeningHours> hours = OpeningHours.parse("Di 18u00-20u00 zonder afspraak\nop woensdag 13.30 - 17.00 (op afspraak)").orElseThrow();
        assertThat(hours).containsExactly(new OpeningHours(2, LocalTime.of(18, 0), LocalTime.of(20, 0), "zonder afspraak"),
                new OpeningHours(3, LocalTime.of(13, 30), LocalTime.of(17, 0), "op afspraak"));
        assertThat(OpeningHours.BYDAY.get(hours.get(0).day() - 1)).isEqualTo("TU");
    }

    @Test
    void whatCannotBeReadIsRefusedNotGuessed() {
        assertThat(OpeningHours.parse("elke dag open")).isEmpty();
        assertThat(OpeningHours.parse("maandag 17:00-09:00")).as("closing before opening").isEmpty();
        assertThat(OpeningHours.parse("vrijdag t/m maandag 9:00-12:00")).isEmpty();
        assertThat(OpeningHours.parse("maandag 25:00-26:00")).isEmpty();
    }

    @Test
    void everyPeriodReadsBackFromItsLine() {
        List<OpeningHours> periods = List.of(new OpeningHours(1, LocalTime.of(9, 0), LocalTime.of(12, 0), null),
                new OpeningHours(2, LocalTime.of(13, 15), LocalTime.of(19, 45), "zonder afspraak, ook voor jongeren"),
                new OpeningHours(7, LocalTime.of(10, 0), LocalTime.of(11, 0), "enkel telefonisch"));
        String lines = String.join("\n", periods.stream().map(OpeningHours::line).toList());
        assertThat(OpeningHours.parse(lines).orElseThrow()).isEqualTo(periods);
        assertThat(periods.stream().map(OpeningHours::stored).map(OpeningHours::fromStored).toList()).isEqualTo(periods);
    }
}
