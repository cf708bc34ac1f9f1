package be.hulpwijzer.catalogue.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnterpriseNumberTest {

    @Test
    void acceptsTheWaysPeopleWriteIt() {
        assertThat(EnterpriseNumber.normalise("0403.170.701")).contains("0403170701");
        assertThat(EnterpriseNumber.normalise("BE 0403 170 701")).contains("0403170701");
        assertThat(EnterpriseNumber.normalise("403.170.701")).contains("0403170701");
    }

    @Test
    void refusesWrongCheckDigitsLengthsAndFirstDigits() {
        assertThat(EnterpriseNumber.normalise("0403.170.702")).isEmpty();
        assertThat(EnterpriseNumber.normalise("04031707")).isEmpty();
        assertThat(EnterpriseNumber.normalise("2403170701")).isEmpty();
        assertThat(EnterpriseNumber.normalise("abc")).isEmpty();
    }

    @Test
    void formatsWithDots() {
        assertThat(EnterpriseNumber.format("0403170701")).isEqualTo("0403.170.701");
    }
}
