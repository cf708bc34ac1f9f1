package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a care worker types finds what a provider wrote, in the ways Dutch writes the same thing. */
class DutchAnalysisTest {

    private static final DutchAnalyzers ANALYZERS = new DutchAnalyzers(Vocabulary.withSynonyms(Map.of(
            "cgg", List.of("centrum voor geestelijke gezondheidszorg"),
            "jac", List.of("jongerenadviescentrum"),
            "ckg", List.of("centrum voor kinderzorg en gezinsondersteuning"),
            "ocmw", List.of("openbaar centrum voor maatschappelijk welzijn"),
            "vaph", List.of("vlaams agentschap voor personen met een handicap"))));

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            begeleiding                 | Contextbegeleiding voor gezinnen in de regio.
            thuisbegeleiding            | Wij bieden thuis begeleiding aan.
            thuis begeleiding           | Intensieve thuisbegeleiding.
            gezinsondersteuning         | Ondersteuning van het gezin bij opvoeding.
            opvoedingsondersteuning     | Opvoedingsondersteuning voor ouders van jonge kinderen.
            ondersteuning               | Opvoedingsondersteuning voor ouders van jonge kinderen.
            eetstoornis                 | Groepen voor jongeren met eetstoornissen.
            groepje                     | Wekelijkse groepen voor tieners.
            praatgroep                  | Een praatgroepje voor kinderen van gescheiden ouders.
            kind                        | Spelbegeleiding voor kinderen.
            gezinnen                    | Hulp aan elk gezin met een baby.
            jongere                     | Begeleiding van jongeren.
            huis                        | Kleine huizen met begeleiding.
            problemen                   | Hulp bij een probleem op school.
            CGG                         | Centrum voor Geestelijke Gezondheidszorg Noord-West-Vlaanderen
            centrum voor geestelijke gezondheidszorg | CGG Brugge, ambulante hulp.
            JAC                         | Het jongerenadviescentrum luistert.
            jongerenadviescentrum       | Kom langs bij het JAC.
            ocmw                        | Het Openbaar Centrum voor Maatschappelijk Welzijn helpt.
            VAPH                        | Erkend door het Vlaams Agentschap voor Personen met een Handicap.
            crisisopvang                | Crisis-opvang voor jongeren, dag en nacht.
            Crisis-opvang               | Crisisopvang voor jongeren.
            CRISISOPVANG                | crisisopvang
            coordinatie                 | Coördinatie van zorg rond het gezin.
            coördinatie                 | Coordinatie van zorg.
            zelfstandig wonen           | Begeleid zelfstandig wonen voor jongvolwassenen.
            """)
    void findsTheSameThingWrittenAnotherWay(String typed, String written) throws IOException {
        assertThat(finds(typed, written)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" does not find \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            leiding                     | Contextbegeleiding voor gezinnen.
            kind                        | Opvang voor kinderloze koppels.
            beleid                      | Begeleiding van jongeren.
            geen wachtlijst             | Er is een wachtlijst.
            zonder verwijzing           | Alleen met verwijzing van de huisarts.
            niet dringend               | Voor dringende vragen.
            """)
    void doesNotMatchWhatWasNotMeant(String typed, String written) throws IOException {
        assertThat(finds(typed, written)).isFalse();
    }

    @Test
    void keepsNegationWordsThatOtherAnalyzersThrowAway() throws IOException {
        assertThat(finds("geen wachtlijst", "Momenteel geen wachtlijst.")).isTrue();
        assertThat(finds("zonder verwijzing", "Vrij toegankelijk, zonder verwijzing.")).isTrue();
        assertThat(finds("niet", "Wij bieden niet enkel therapie.")).isTrue();
    }

    @Test
    void dropsFunctionWordsFromTheSearchBoxButNotFromQuotedMeaning() {
        assertThat(ANALYZERS.queryText().prepare("hulp voor de jongeren")).isEqualTo("hulp jongeren");
        assertThat(ANALYZERS.queryText().prepare("geen wachtlijst")).startsWith("geen ");
        assertThat(ANALYZERS.queryText().prepare("zonder verwijzing")).startsWith("zonder ");
    }

    @Test
    void splitsCompoundsOnlyIntoWordsThatCoverThemWhole() {
        Decompounder decompounder = ANALYZERS.vocabulary().decompounder();
        assertThat(decompounder.words("contextbegeleiding")).containsExactly("context", "begeleiding");
        assertThat(decompounder.words("opvoedingsondersteuning")).containsExactly("opvoeding", "ondersteuning");
        assertThat(decompounder.words("kinderen")).containsExactly("kinderen");
        assertThat(decompounder.words("begeleiding")).containsExactly("begeleiding");
    }

    @Test
    void searchTextWithLuceneSyntaxControlCharactersAndEmojiIsJustText() throws IOException {
        for (String typed : List.of("angst AND (jongeren OR \"ouders\") *:* \\", "angst\u0000\u0007 jongeren",
                "angst 😟 jongeren", "a".repeat(10_000), "+-&&||!(){}[]^\"~*?:\\/")) {
            finds(typed, "Angst bij jongeren.");
        }
        assertThat(finds("angst AND (jongeren OR", "Angst bij jongeren.")).isTrue();
    }

    /** Whether a document holding {@code written} is found by {@code typed}, every word required. */
    private static boolean finds(String typed, String written) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZERS.index()))) {
                Document doc = new Document();
                doc.add(new TextField("text", written, Field.Store.NO));
                writer.addDocument(doc);
            }
            Query query = new QueryBuilder(ANALYZERS.query()).createBooleanQuery("text",
                    ANALYZERS.queryText().prepare(typed), BooleanClause.Occur.MUST);
            if (query == null) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return new IndexSearcher(reader).count(query) > 0;
            }
        }
    }
}
