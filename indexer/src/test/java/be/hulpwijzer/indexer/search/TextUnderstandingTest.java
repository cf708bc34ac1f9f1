package be.hulpwijzer.indexer.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Ages and places read from a situation as people describe it (issue 18). */
class TextUnderstandingTest {

    private static final TextUnderstanding UNDERSTANDING = new TextUnderstanding(
            Map.of("brugge", Set.of("brugge"), "sint andries", Set.of("brugge"), "wondelgem", Set.of("gent")), Map.of());

    @ParameterizedTest(name = "\"{0}\": ages {1} to {2} months, text \"{3}\"")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            meisje van 15 met angst            | 180 | -   | meisje met angst
            zoon van 17 blowt                  | 204 | -   | zoon blowt
            Lotte (16) is somber               | 192 | -   | Lotte is somber
            17-jarige blowt                    | 204 | -   | blowt
            baby slaapt slecht                 | 0   | 11  | baby slaapt slecht
            peuter huilt veel                  | 12  | 35  | peuter huilt veel
            puber spijbelt                     | 144 | 215 | puber spijbelt
            jongvolwassene zoekt woning        | 216 | 299 | jongvolwassene zoekt woning
            broer (8) en zus (12) rouw         | 96  | 144 | broer en zus rouw
            kinderen van 3 en 8 jaar           | 36  | 96  | kinderen en
            tiener van 16 denkt aan zelfmoord  | 192 | -   | tiener denkt aan zelfmoord
            """)
    void readsAgesAsPeopleWriteThem(String typed, Integer from, Integer to, String text) {
        TextUnderstanding.Reading reading = UNDERSTANDING.read(typed, true, false, true);
        assertThat(reading.ageMonths()).isEqualTo(from);
        assertThat(reading.ageToMonths()).isEqualTo(to);
        assertThat(reading.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" is in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            angst Sint-Andries  | brugge
            opvoeding Wondelgem | gent
            """)
    void aPartOfAMunicipalityIsItsZone(String typed, String zone) {
        assertThat(UNDERSTANDING.read(typed, true, true, true).zones()).containsExactly(zone);
    }

    @ParameterizedTest(name = "\"{0}\" read without its age")
    @CsvSource(delimiter = '|', textBlock = """
            baby slaapt slecht
            meisje van 15 met angst
            """)
    void aReadingUndoneLeavesTheTextAsTyped(String typed) {
        TextUnderstanding.Reading reading = UNDERSTANDING.read(typed, false, true, true);
        assertThat(reading.ageMonths()).isNull();
        assertThat(reading.text()).isEqualTo(typed);
    }
}
