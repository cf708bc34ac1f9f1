package be.hulpwijzer.web.editing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ages are typed as people say them and stored in months; what a form shows reads back to the same months. */
class AgeWordsTest {

    @ParameterizedTest(name = "from \"{0}\" is {1} months")
    @CsvSource(delimiter = '|', textBlock = """
            vanaf de zwangerschap | -9
            zwangerschap          | -9
            0 jaar                | 0
            18 maanden            | 18
            12 jaar               | 144
            12                    | 144
            2 jaar en 6 maanden   | 30
            vanaf 16 jaar         | 192
            """)
    void aLowerBoundIsTheStartOfThatAge(String typed, int months) {
        assertThat(AgeWords.months(typed, false)).isEqualTo(String.valueOf(months));
    }

    @ParameterizedTest(name = "up to \"{0}\" is {1} months")
    @CsvSource(delimiter = '|', textBlock = """
            tot en met 17 jaar    | 215
            17 jaar               | 215
            17                    | 215
            tot 18 jaar           | 215
            18 maanden            | 18
            tot 18 maanden        | 17
            24 jaar               | 299
            2 jaar en 6 maanden   | 30
            """)
    void anUpperBoundInYearsIncludesThatWholeYear(String typed, int months) {
        assertThat(AgeWords.months(typed, true)).isEqualTo(String.valueOf(months));
    }

    @Test
    void everyStoredAgeIsShownAsWordsThatReadBackToTheSameMonths() {
        for (int months = -9; months <= 1440; months++) {
            for (boolean upper : new boolean[]{false, true}) {
                String words = AgeWords.words(months, upper);
                assertThat(AgeWords.months(words, upper)).as(months + " shown as " + words).isEqualTo(String.valueOf(months));
                assertThat(words).as("no bare month count").doesNotMatch("-?\\d+");
            }
        }
        assertThat(AgeWords.words(216, true)).isEqualTo("18 jaar en 0 maanden");
        assertThat(AgeWords.words(215, true)).isEqualTo("17 jaar");
        assertThat(AgeWords.words(-9, false)).isEqualTo("zwangerschap");
    }

    @Test
    void whatCannotBeReadIsSentAsTypedSoTheApiNamesIt() {
        assertThat(AgeWords.months("twaalf", false)).isEqualTo("twaalf");
    }
}
