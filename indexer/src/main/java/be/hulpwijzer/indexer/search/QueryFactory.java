package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.facet.Memories;
import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * Builds Lucene queries from a {@link SearchRequest}. Text is analysed, never parsed: Lucene syntax in
 * the search box is just text. Words rank, they do not all have to match (see {@link ConceptQueries}); filters
 * are exact.
 */
final class QueryFactory {

    private static final int MAX_REMEMBERED = 10_000;
    private static final int MAX_REMEMBERED_LENGTH = 200;

    private final Cache<String, Optional<Query>> texts = Memories.bounded(MAX_REMEMBERED);
    private final Cache<String, Optional<Query>> widenedTexts = Memories.bounded(MAX_REMEMBERED);
    private final Cache<String, List<ConceptQueries.Explained>> explained = Memories.bounded(MAX_REMEMBERED);
    private final Cache<String, List<ConceptQueries.Explained>> widenedExplained = Memories.bounded(MAX_REMEMBERED);
    private final Cache<String, Optional<Query>> highlights = Memories.bounded(MAX_REMEMBERED);
    /** For highlighting: a written-out acronym is marked where its words stand together, not each word anywhere. */
    private final QueryBuilder phrases;

    private final ConceptQueries concepts;

    QueryFactory(DutchAnalyzers analyzers) {
        this.concepts = new ConceptQueries(analyzers);
        this.phrases = new QueryBuilder(analyzers.query());
        phrases.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    void forget() {
        texts.invalidateAll();
        widenedTexts.invalidateAll();
        explained.invalidateAll();
        widenedExplained.invalidateAll();
        highlights.invalidateAll();
    }

    /** The text part alone, from the text as typed (null without searchable words); see {@link ConceptQueries}. */
    Query text(String text, boolean widened) {
        return remembered(widened ? widenedTexts : texts, text, t -> concepts.text(t, widened));
    }

    /**
     * Analysing a text (base words, compound parts, synonyms) costs a tenth of a millisecond or so, and the same
     * few texts are searched again and again: the queries of short texts are remembered.
     */
    private static Query remembered(Cache<String, Optional<Query>> memo, String text, Function<String, Query> analyse) {
        if (text.length() > MAX_REMEMBERED_LENGTH) {
            return analyse.apply(text);
        }
        return memo.get(text, t -> Optional.ofNullable(analyse.apply(t))).orElse(null);
    }

    /** The meaningful concepts of a text with their ways to match, to say why a hit was found. */
    List<ConceptQueries.Explained> explained(String text, boolean widened) {
        if (text.length() > MAX_REMEMBERED_LENGTH) {
            return concepts.explained(text, widened);
        }
        return (widened ? widenedExplained : explained).get(text, t -> concepts.explained(t, widened));
    }

    /** What to mark in a description: any of the words, each wherever it occurs. Null without words. */
    Query highlight(String text) {
        return remembered(highlights, text, t -> t.isBlank() ? null
                : phrases.createBooleanQuery(DocumentMapper.DESCRIPTION, t, Occur.SHOULD));
    }

    /**
     * Modules: text and the filters that are not facets; the facet choices are {@link #choices}, the ranking
     * factor {@link RankBoost}.
     */
    Query modules(SearchRequest request, Query scoring) {
        BooleanQuery.Builder base = new BooleanQuery.Builder()
                .add(scoring, Occur.MUST)
                .add(new TermQuery(new Term(DocumentMapper.KIND, DocumentMapper.MODULE)), Occur.FILTER);
        if (request.ageMonths() != null) {
            // the module's ages overlap the ages asked for (one age: contain it)
            base.add(range(DocumentMapper.AGE_MIN, Integer.MIN_VALUE, request.ageUpToMonths()), Occur.FILTER);
            base.add(range(DocumentMapper.AGE_MAX, request.ageMonths(), Integer.MAX_VALUE), Occur.FILTER);
        }
        anyOf(base, DocumentMapper.SETTING, request.settings());
        anyOf(base, DocumentMapper.METHOD, request.methods());
        anyOf(base, DocumentMapper.LANGUAGE, request.languages());
        Query availability = availability(request);
        if (availability != null) {
            base.add(availability, Occur.FILTER);
        }
        return base.build();
    }

    /** The part of {@link #modules} that scores: the {@link #text}, or every document alike when there is none. */
    static Query scoring(Query text) {
        return text == null ? new MatchAllDocsQuery() : text;
    }

    /**
     * An age range matches most modules: walked from the points when it leads, checked per document from doc
     * values when the text or another filter leads (Lucene picks per segment).
     */
    private static Query range(String field, int from, int to) {
        return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(field, from, to),
                NumericDocValuesField.newSlowRangeQuery(field, from, to));
    }

    /**
     * Checked per candidate from doc values, never walked from the points: nearly every engagement is in force,
     * so Lucene would pick the points (its cost looks no worse than the engagements') and walk them all on
     * every search, where the few engagements matching the text need checking one by one.
     */
    private static Query longRange(String field, long from, long to) {
        return NumericDocValuesField.newSlowRangeQuery(field, from, to);
    }

    /** The facet choices: any of the values per dimension; "free now" too, unless combined with other waits. */
    Map<String, Set<String>> choices(SearchRequest request) {
        Map<String, Set<String>> choices = new HashMap<>();
        choices.put(DocumentMapper.ZONE, request.zones());
        choices.put(DocumentMapper.DOMAIN, request.domains());
        choices.put(DocumentMapper.TYPE, request.types());
        choices.put(DocumentMapper.ACCESS, request.access());
        choices.put(DocumentMapper.SECTOR, request.sectors());
        choices.put(DocumentMapper.AVAILABILITY, drillsDownOnAvailability(request) ? Set.of("free") : Set.of());
        return choices;
    }

    /** Engagements in force today for the same {@link #text} and zones. */
    Query engagements(SearchRequest request, Query text, LocalDate today) {
        long day = today.toEpochDay();
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(scoring(text), Occur.MUST)
                .add(new TermQuery(new Term(DocumentMapper.KIND, DocumentMapper.ENGAGEMENT)), Occur.FILTER)
                .add(longRange(DocumentMapper.VALID_FROM, Long.MIN_VALUE, day), Occur.FILTER)
                .add(longRange(DocumentMapper.VALID_TO, day, Long.MAX_VALUE), Occur.FILTER);
        anyOf(query, DocumentMapper.ZONE, request.zones());
        return query.build();
    }

    /**
     * Free now; or free or a known wait within the maximum; unknown availability added when asked. With
     * "free now" the availability facet drills down instead, so its siblings keep their counts.
     */
    private static Query availability(SearchRequest request) {
        if (request.maxWaitWeeks() == null && !(request.includeUnknown() && request.availableNow())) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int maxDays = request.maxWaitWeeks() == null ? 0 : request.maxWaitWeeks() * 7;
        any.add(IntPoint.newRangeQuery(DocumentMapper.WAIT_DAYS, 0, request.availableNow() ? 0 : maxDays), Occur.SHOULD);
        if (request.includeUnknown()) {
            any.add(new TermQuery(new Term(DocumentMapper.AVAILABILITY, "unknown")), Occur.SHOULD);
        }
        return any.build();
    }

    private static boolean drillsDownOnAvailability(SearchRequest request) {
        return request.availableNow() && !request.includeUnknown() && request.maxWaitWeeks() == null;
    }

    private static void anyOf(BooleanQuery.Builder query, String field, Set<String> values) {
        if (!values.isEmpty()) {
            query.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
