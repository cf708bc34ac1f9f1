package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.Vocabulary;
import be.hulpwijzer.indexer.document.DocumentMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippet under each hit shows where the description matches what was typed, safely escaped. */
class SnippetsTest {

    private static final DutchAnalyzers ANALYZERS = new DutchAnalyzers(Vocabulary.withSynonyms(Map.of(
            "cgg", List.of("centrum voor geestelijke gezondheidszorg"))));
    private static final QueryFactory QUERIES = new QueryFactory(ANALYZERS);

    @Test
    void marksTheWordThatWasSearchedFor() throws IOException {
        assertThat(snippet("angst", "Behandeling van angst bij jongeren."))
                .isEqualTo("Behandeling van <mark>angst</mark> bij jongeren.");
    }

    @Test
    void marksACompoundFoundThroughItsParts() throws IOException {
        assertThat(snippet("begeleiding", "Wij bieden contextbegeleiding aan gezinnen."))
                .isEqualTo("Wij bieden <mark>contextbegeleiding</mark> aan gezinnen.");
    }

    @Test
    void marksTheWrittenOutNameOfAnAcronymButNotItsLittleWordsElsewhere() throws IOException {
        assertThat(snippet("CGG", "Het Centrum voor Geestelijke Gezondheidszorg is er voor iedereen."))
                .isEqualTo("Het <mark>Centrum voor Geestelijke Gezondheidszorg</mark> is er voor iedereen.");
    }

    @Test
    void showsTheSentenceWithTheMatchesOfALongDescription() throws IOException {
        String description = "Wij werken in de hele regio. ".repeat(20) + "Hier helpen wij bij angst en paniek. "
                + "Aanmelden kan telefonisch. ".repeat(20);
        assertThat(snippet("angst", description)).isEqualTo("Hier helpen wij bij <mark>angst</mark> en paniek. ");
    }

    @Test
    void escapesHtmlInTheDescription() throws IOException {
        assertThat(snippet("angst", "<script>alert(1)</script> angst & \"paniek\""))
                .isEqualTo("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; <mark>angst</mark> &amp; &quot;paniek&quot;");
    }

    @Test
    void showsTheFirstSentenceWhenNothingMatches() throws IOException {
        String description = "Opvoedingsondersteuning <voor> ouders. ".repeat(20);
        assertThat(snippet("angst", description)).isEqualTo("Opvoedingsondersteuning &lt;voor&gt; ouders. ");
    }

    @Test
    void showsTheStartOfTheDescriptionCutAtAWordWithoutWordsToMark() throws IOException {
        String description = "Opvoedingsondersteuning <voor> ouders. ".repeat(20);
        String snippet = snippet(" ", description);
        assertThat(snippet).startsWith("Opvoedingsondersteuning &lt;voor&gt; ouders.").endsWith("ouders. …");
        assertThat(snippet.length()).isLessThan(Snippets.LENGTH + 40);
        assertThat(snippet(" ", "Korte tekst.")).isEqualTo("Korte tekst.");
        assertThat(snippet(" ", "x".repeat(500))).isEqualTo("x".repeat(Snippets.LENGTH) + " …");
    }

    @Test
    void remembersASnippetOnlyForTheSameDocumentOfTheSameSegmentAndTheSameWords() throws IOException {
        Snippets snippets = new Snippets(ANALYZERS.index());
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZERS.index()))) {
            writer.addDocument(described("1", "Hulp bij angst en paniek."));
            try (DirectoryReader before = DirectoryReader.open(writer)) {
                assertThat(snippet(snippets, before, "angst", "Hulp bij angst en paniek."))
                        .isEqualTo("Hulp bij <mark>angst</mark> en paniek.");
                assertThat(snippet(snippets, before, "paniek", "Hulp bij angst en paniek."))
                        .isEqualTo("Hulp bij angst en <mark>paniek</mark>.");
            }
            writer.updateDocument(new Term("id", "1"), described("1", "Nu ook angst bij kinderen."));
            try (DirectoryReader after = DirectoryReader.open(writer)) {
                assertThat(after.leaves()).hasSize(1);
                assertThat(snippet(snippets, after, "angst", "Nu ook angst bij kinderen."))
                        .isEqualTo("Nu ook <mark>angst</mark> bij kinderen.");
            }
        }
    }

    private static Document described(String id, String description) {
        FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new Field(DocumentMapper.DESCRIPTION, description, withOffsets));
        return doc;
    }

    private static String snippet(Snippets snippets, DirectoryReader reader, String typed, String description)
            throws IOException {
        return snippets.of(new IndexSearcher(reader), new int[]{0}, new String[]{description},
                QUERIES.highlight(ANALYZERS.queryText().prepare(typed)))[0];
    }

    /** Lucene's passage score, without its scorer's large hash per passage: the same best passage is chosen. */
    @Property
    void scoresPassagesAsLucenesOwnScorerDoes(@ForAll @Size(max = 12) List<@IntRange(max = 4) Integer> terms,
                                              @ForAll @IntRange(max = 2000) int start,
                                              @ForAll @IntRange(min = 1, max = 400) int length,
                                              @ForAll @IntRange(min = 400, max = 10_000) int contentLength) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(start + length);
        for (int i = 0; i < terms.size(); i++) {
            int term = terms.get(i);
            passage.addMatch(start + i % length, start + i % length + 1, new BytesRef("term" + term), 1 + term * 3);
        }
        assertThat(new Snippets.FewMatchesScorer().score(passage, contentLength))
                .isEqualTo(new PassageScorer().score(passage, contentLength));
    }

    private static String snippet(String typed, String description) throws IOException {
        FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZERS.index()))) {
            Document other = new Document();
            other.add(new Field(DocumentMapper.DESCRIPTION, "Een andere module over angst.", withOffsets));
            writer.addDocument(other);
            Document doc = new Document();
            doc.add(new Field(DocumentMapper.DESCRIPTION, description, withOffsets));
            writer.addDocument(doc);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return new Snippets(ANALYZERS.index()).of(new IndexSearcher(reader), new int[]{1},
                        new String[]{description}, QUERIES.highlight(ANALYZERS.queryText().prepare(typed)))[0];
            }
        }
    }
}
