package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.document.DocumentMapper;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Builds Lucene queries from a {@link SearchRequest}. Text is analysed, never parsed: Lucene syntax in
 * the search box is just text. Every word must match somewhere (title, description, organisation,
 * methods, type, referral text); matches in the title and organisation weigh more.
 */
final class QueryFactory {

    private final QueryBuilder analysed;
    private final FacetsConfig facets;

    QueryFactory(DutchAnalyzers analyzers, FacetsConfig facets) {
        this.analysed = new QueryBuilder(analyzers.query());
        this.facets = facets;
    }

    /** The text part alone (null without searchable words), also used for highlighting. */
    Query text(String text) {
        if (text.isBlank()) {
            return null;
        }
        Query all = analysed.createBooleanQuery(DocumentMapper.ALL, text, Occur.MUST);
        if (all == null) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(all, Occur.MUST);
        Query title = analysed.createBooleanQuery(DocumentMapper.TITLE, text, Occur.SHOULD);
        if (title != null) {
            query.add(new BoostQuery(title, 2f), Occur.SHOULD);
        }
        Query organisation = analysed.createBooleanQuery(DocumentMapper.ORGANISATION, text, Occur.SHOULD);
        if (organisation != null) {
            query.add(new BoostQuery(organisation, 1.5f), Occur.SHOULD);
        }
        return query.build();
    }

    /** What to mark in a description: any of the words, each wherever it occurs. Null without words. */
    Query highlight(String text) {
        return text.isBlank() ? null : analysed.createBooleanQuery(DocumentMapper.DESCRIPTION, text, Occur.SHOULD);
    }

    /** Modules: text and the filters that are not facets, ranked, with the facet filters as drill-downs. */
    DrillDownQuery modules(SearchRequest request, Instant now) {
        Query text = text(request.text());
        BooleanQuery.Builder base = new BooleanQuery.Builder()
                .add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST)
                .add(new TermQuery(new Term(DocumentMapper.KIND, DocumentMapper.MODULE)), Occur.FILTER);
        if (request.ageMonths() != null) {
            int age = request.ageMonths();
            base.add(IntPoint.newRangeQuery(DocumentMapper.AGE_MIN, Integer.MIN_VALUE, age), Occur.FILTER);
            base.add(IntPoint.newRangeQuery(DocumentMapper.AGE_MAX, age, Integer.MAX_VALUE), Occur.FILTER);
        }
        anyOf(base, DocumentMapper.SETTING, request.settings());
        anyOf(base, DocumentMapper.METHOD, request.methods());
        anyOf(base, DocumentMapper.LANGUAGE, request.languages());
        Query availability = availability(request);
        if (availability != null) {
            base.add(availability, Occur.FILTER);
        }
        Query ranked = FunctionScoreQuery.boostByValue(base.build(), new RankBoost(now));
        DrillDownQuery query = new DrillDownQuery(facets, ranked);
        drillDown(query, DocumentMapper.ZONE, request.zones());
        drillDown(query, DocumentMapper.DOMAIN, request.domains());
        drillDown(query, DocumentMapper.TYPE, request.types());
        drillDown(query, DocumentMapper.ACCESS, request.access());
        drillDown(query, DocumentMapper.SECTOR, request.sectors());
        return query;
    }

    /** Engagements in force today for the same text and zones. */
    Query engagements(SearchRequest request, LocalDate today) {
        Query text = text(request.text());
        long day = today.toEpochDay();
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST)
                .add(new TermQuery(new Term(DocumentMapper.KIND, DocumentMapper.ENGAGEMENT)), Occur.FILTER)
                .add(LongPoint.newRangeQuery(DocumentMapper.VALID_FROM, Long.MIN_VALUE, day), Occur.FILTER)
                .add(LongPoint.newRangeQuery(DocumentMapper.VALID_TO, day, Long.MAX_VALUE), Occur.FILTER);
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

    boolean drillsDownOnAvailability(SearchRequest request) {
        return request.availableNow() && !request.includeUnknown() && request.maxWaitWeeks() == null;
    }

    private static void anyOf(BooleanQuery.Builder query, String field, Set<String> values) {
        if (!values.isEmpty()) {
            query.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    private static void drillDown(DrillDownQuery query, String dimension, Set<String> values) {
        values.forEach(value -> query.add(dimension, value));
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
