package be.hulpwijzer.indexer.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextCleaningTest {

    @Test
    void addressesAreDroppedWholeSoTheirPartsNeverBecomeWords() {
        assertThat(SearchParameters.clean("angst roos.bakker@telenet.be Gent")).isEqualTo("angst Gent");
        assertThat(SearchParameters.clean("zie https://www.cgg-brugge.be/aanbod of www.vos.nl")).isEqualTo("zie of");
        assertThat(SearchParameters.clean("jan.visser.BE thuisbegeleiding")).isEqualTo("thuisbegeleiding");
    }

    @Test
    void punctuationSplitsWordsButAgesAndHyphensStay() {
        assertThat(SearchParameters.clean("angst, depressie; 18+ kinder-psychiatrie!")).isEqualTo("angst depressie 18+ kinder-psychiatrie");
    }

    @Test
    void overlongWordsAreDroppedAndTheRestIsStillSearched() {
        String hostile = "x".repeat(10_000);
        assertThat(SearchParameters.clean(hostile + " angst " + hostile + "@" + hostile)).isEqualTo("angst");
        assertThat(SearchParameters.clean("a".repeat(SearchParameters.MAX_WORD_LENGTH) + " b"))
                .isEqualTo("a".repeat(SearchParameters.MAX_WORD_LENGTH) + " b");
    }

    @Test
    void onlyTheFirstWordsCount() {
        String many = "woord ".repeat(100);
        assertThat(SearchParameters.clean(many).split(" ")).hasSize(SearchParameters.MAX_WORDS);
    }
}
