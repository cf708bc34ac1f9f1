package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.reference.Helpline;
import be.hulpwijzer.indexer.analysis.Concept;
import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.QueryText;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.facet.FacetedSearch;
import be.hulpwijzer.indexer.facet.Ranking;
import be.hulpwijzer.indexer.index.SearchIndex;
import be.hulpwijzer.indexer.index.SearchIndex.FacetSearcher;
import be.hulpwijzer.indexer.segment.RankTable;
import be.hulpwijzer.indexer.segment.SegmentTables;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a search on an index: facets counted sideways, sorting, paging, snippets, spelling suggestion. */
public final class Searcher {

    private static final int ENGAGEMENTS_SHOWN = 5;
    private static final int FACET_VALUES = 100;
    /** Fewer modules than this for the words and the search is widened (see {@link #modules}). */
    private static final int WIDEN_BELOW = 10;
    /** Fewer modules than this and a spelling suggestion is looked for. */
    private static final int FINDS_LITTLE = 3;

    /** Expansions shown per typed concept. */
    private static final int EXPANSIONS_SHOWN = 4;

    private final DutchAnalyzers analyzers;
    private final Helplines helplines;
    private final QueryText queryText;
    private final DocumentMapper mapper;
    private final QueryFactory queries;
    private final Snippets snippets;
    private final Spelling spelling;
    private final StoredDocuments documents = new StoredDocuments();

    /** Told of every search: how long it took and how many modules it found (metrics). */
    @FunctionalInterface
    public interface Observer {
        void searched(long nanos, long found);
    }

    private Observer observer = (nanos, found) -> { };

    /** Tells the observer of every search from now on. */
    public Searcher observedBy(Observer observer) {
        this.observer = observer;
        return this;
    }

    public Searcher(DutchAnalyzers analyzers, DocumentMapper mapper, List<Helpline> helplines) {
        this.analyzers = analyzers;
        this.helplines = new Helplines(helplines);
        this.queryText = analyzers.queryText();
        this.mapper = mapper;
        this.queries = new QueryFactory(analyzers);
        this.snippets = new Snippets(analyzers.index());
        this.spelling = new Spelling(analyzers);
    }

    /**
     * @param request   the request with free text as typed (age and places already taken out)
     * @param understood what was read from the text before, completed here with the suggestion
     */
    public SearchResult search(SearchIndex index, SearchRequest request, SearchResult.Understood understood, Instant now)
            throws IOException {
        long start = System.nanoTime();
        SearchResult result = searchIn(index, request, understood, now);
        observer.searched(System.nanoTime() - start, result.total());
        return result;
    }

    private SearchResult searchIn(SearchIndex index, SearchRequest request, SearchResult.Understood understood, Instant now)
            throws IOException {
        return index.withSearcher(searcher -> {
            SearchRequest prepared = request.withText(queryText.prepare(request.text()));
            Page page = modules(searcher, request, now);
            // "bedoelde u ...?" only when the words found little: a word the index does not know that still finds
            // much (a compound found by its parts) is no typo, and looking for similar words costs milliseconds.
            // The words as typed, not as prepared: a compound's parts ("pleeg" of "pleegzorg") need not occur on
            // their own, and were "corrected" into other words ("plek zorg")
            String suggestion = page.total < FINDS_LITTLE
                    ? spelling.suggest(searcher.getIndexReader(), searcher.epoch(), request.text()) : null;
            boolean corrected = false;
            String searched = request.text();
            if (page.total == 0 && suggestion != null) {
                Page retry = modules(searcher, request.withText(suggestion), now);
                if (retry.total > 0) {
                    page = retry;
                    prepared = prepared.withText(queryText.prepare(suggestion));
                    searched = suggestion;
                    corrected = true;
                }
            }
            Query highlightQuery = queries.highlight(prepared.text());
            List<List<SearchResult.Reason>> reasons = MatchReasons.of(searcher, page.docs,
                    queries.explained(searched, page.widened));
            List<SearchResult.Hit> hits = hits(searcher, page.docs, reasons, highlightQuery, now);
            List<SearchResult.EngagementHit> engagements = engagements(searcher, prepared, page.text, highlightQuery, now);
            List<Concept> concepts = analyzers.concepts(searched);
            return new SearchResult(page.total, request.page(), request.size(), hits, page.facets, engagements,
                    understood.searched(prepared.text(), suggestion, corrected, expansions(concepts),
                            notUnderstood(searcher, concepts)),
                    helplines.of(concepts, page.total == 0), null);
        });
    }

    /**
     * Forgets the queries of texts, snippets, stored fields and spelling suggestions remembered. For measuring
     * searches never seen before.
     */
    public void forgetRemembered() {
        analyzers.forgetRemembered();
        queries.forget();
        snippets.forget();
        documents.forget();
        spelling.forget();
    }

    /**
     * {@code text}: the text query the page was searched with (null without words); {@code widened}: searched
     * also by compound parts and the thesaurus' life domains, because the words found few modules.
     */
    private record Page(long total, ScoreDoc[] docs, Map<String, List<SearchResult.FacetValue>> facets, Query text,
                        boolean widened) {
    }

    /**
     * The words first; when they find fewer than {@link #WIDEN_BELOW} modules within the filters, again widened
     * (which finds the same and more, ranked after them).
     */
    private Page modules(FacetSearcher searcher, SearchRequest request, Instant now) throws IOException {
        Page page = modules(searcher, request, now, false);
        if (page.total < WIDEN_BELOW && page.text != null) {
            Page widened = modules(searcher, request, now, true);
            if (widened.total > page.total) {
                return widened;
            }
        }
        return page;
    }

    private Page modules(FacetSearcher searcher, SearchRequest request, Instant now, boolean widened) throws IOException {
        int wanted = Math.min(request.page() * request.size(), SearchRequest.MAX_RESULTS);
        Query text = queries.text(request.text(), widened);
        Query scoring = QueryFactory.scoring(text);
        FacetedSearch.Result result = searcher.faceted().search(searcher, queries.modules(request, scoring),
                scoring, queries.choices(request), ranking(request, new RankBoost(searcher.ranks(), now,
                        text == null ? 1 : RankBoost.WITH_WORDS),
                        searcher.ranks()), wanted, FACET_VALUES);
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        result.facets().forEach((dimension, counts) -> facets.put(dimension,
                counts.stream().map(c -> new SearchResult.FacetValue(c.value(), c.count())).toList()));
        return new Page(result.total(), slice(result.top().scoreDocs, request), facets, text, widened);
    }

    private static ScoreDoc[] slice(ScoreDoc[] docs, SearchRequest request) {
        int from = (request.page() - 1) * request.size();
        return from >= docs.length ? new ScoreDoc[0] : Arrays.copyOfRange(docs, from, Math.min(docs.length, from + request.size()));
    }

    /**
     * By score, or by one of the sorts; either way a segment's order changes only with the boost's key (and the
     * sort, which {@link FacetedSearch} adds to it), so that key lets the ranking be kept. Ties by module id.
     */
    private static Ranking ranking(SearchRequest request, RankBoost boost, SegmentTables<RankTable> ranks) {
        SortField byId = new SortField(DocumentMapper.MODULE_ID, SortField.Type.LONG);
        Sort sort = switch (request.sort()) {
            // nearest location first (a module without one last), then as by relevance
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort(DocumentMapper.LOCATION,
                    request.origin().latitude(), request.origin().longitude()), SortField.FIELD_SCORE, byId);
            case WAIT -> new Sort(new SortField(DocumentMapper.WAIT_DAYS, SortField.Type.INT), SortField.FIELD_SCORE, byId);
            case CONFIRMED -> {
                SortField confirmed = new SortField(DocumentMapper.CONFIRMED_AT, SortField.Type.LONG, true);
                confirmed.setMissingValue(Long.MIN_VALUE);
                yield new Sort(confirmed, byId);
            }
            default -> null;
        };
        return sort == null ? new Ranking.ByScore(boost, segment -> ranks.of(segment)::moduleId, boost.key())
                : new Ranking.BySort(sort, boost, boost.key());
    }

    /** Typed words (not light) that no thesaurus group knows and that occur in no module's text, in any form. */
    private List<String> notUnderstood(FacetSearcher searcher, List<Concept> concepts) throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Concept concept : concepts) {
            if (concept.light() || !concept.groups().isEmpty() || concept.words().size() != 1) {
                continue;
            }
            String word = concept.words().get(0);
            org.apache.lucene.index.IndexReader reader = searcher.getIndexReader();
            if (reader.docFreq(new org.apache.lucene.index.Term(DocumentMapper.ALL, analyzers.keys().stem(word))) == 0
                    && reader.docFreq(new org.apache.lucene.index.Term(DocumentMapper.ALL, analyzers.keys().key(word))) == 0) {
                unknown.add(word);
            }
        }
        return unknown;
    }

    /** The thesaurus' words searched for each typed concept (not the typed words themselves), the first few. */
    private static List<SearchResult.Expansion> expansions(List<Concept> concepts) {
        List<SearchResult.Expansion> expansions = new ArrayList<>();
        for (Concept concept : concepts) {
            if (concept.light() || concept.groups().isEmpty()) {
                continue;
            }
            java.util.Set<String> typed = new java.util.HashSet<>(concept.words());
            List<String> words = concept.groups().stream().flatMap(g -> g.terms().stream())
                    .filter(t -> !typed.contains(t) && !t.equals(concept.typed())).distinct().limit(EXPANSIONS_SHOWN).toList();
            if (!words.isEmpty()) {
                expansions.add(new SearchResult.Expansion(concept.typed(), words));
            }
        }
        return expansions;
    }

    private List<SearchResult.Hit> hits(FacetSearcher searcher, ScoreDoc[] docs, List<List<SearchResult.Reason>> reasons,
                                        Query highlight, Instant now)
            throws IOException {
        Document[] stored = documents.of(searcher.getIndexReader(), docs);
        String[] snippets = snippets(searcher, docs, stored, highlight);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored[i];
            Long confirmed = number(doc, DocumentMapper.CONFIRMED_AT);
            Instant confirmedAt = confirmed == null ? null : Instant.ofEpochMilli(confirmed);
            boolean stale = confirmedAt == null || confirmedAt.plus(Duration.ofDays(30)).isBefore(now);
            hits.add(new SearchResult.Hit(number(doc, DocumentMapper.MODULE_ID), doc.get(DocumentMapper.TITLE),
                    new SearchResult.Organisation(number(doc, DocumentMapper.ORGANISATION_ID),
                            doc.get(DocumentMapper.ORGANISATION_NAME)),
                    List.of(doc.getValues(DocumentMapper.ZONES_STORED)),
                    number(doc, DocumentMapper.AGE_MIN).intValue(), integer(doc, DocumentMapper.AGE_MAX),
                    new SearchResult.Availability(doc.get(DocumentMapper.AVAILABILITY),
                            integer(doc, DocumentMapper.FREE_PLACES), integer(doc, DocumentMapper.WAIT_DAYS),
                            confirmedAt, stale),
                    snippets[i], Float.isNaN(docs[i].score) ? 0f : docs[i].score, distanceKm(docs[i]), reasons.get(i),
                    doc.get(DocumentMapper.ACCESS), doc.get(DocumentMapper.COST), List.of(doc.getValues(DocumentMapper.LANGUAGE))));
        }
        return hits;
    }

    /** Kilometres to the nearest location when sorted by distance (one decimal); null otherwise or without location. */
    private static Double distanceKm(ScoreDoc doc) {
        if (doc instanceof FieldDoc sorted && sorted.fields.length > 0 && sorted.fields[0] instanceof Double meters
                && !meters.isInfinite()) {
            return Math.round(meters / 100) / 10.0;
        }
        return null;
    }

    private List<SearchResult.EngagementHit> engagements(FacetSearcher searcher, SearchRequest request, Query text,
                                                         Query highlight, Instant now) throws IOException {
        Query query = queries.engagements(request, text, QueryFactory.today(now));
        TopDocs top = searcher.searchInThisThread(query, ENGAGEMENTS_SHOWN); // engagements are few
        Document[] stored = documents.of(searcher.getIndexReader(), top.scoreDocs);
        String[] snippets = snippets(searcher, top.scoreDocs, stored, highlight);
        List<SearchResult.EngagementHit> result = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            Document doc = stored[i];
            result.add(new SearchResult.EngagementHit(Long.parseLong(doc.get(DocumentMapper.ID).substring(
                    DocumentMapper.ENGAGEMENT.length() + 1)), doc.get(DocumentMapper.TITLE),
                    new SearchResult.Organisation(number(doc, DocumentMapper.ORGANISATION_ID),
                            doc.get(DocumentMapper.ORGANISATION_NAME)),
                    doc.get(DocumentMapper.TARGET_GROUP), integer(doc, DocumentMapper.CAPACITY),
                    integer(doc, DocumentMapper.RESPONSE_DAYS), List.of(doc.getValues(DocumentMapper.ZONES_STORED)),
                    doc.get(DocumentMapper.VALID_FROM), doc.get(DocumentMapper.VALID_TO), snippets[i]));
        }
        return result;
    }

    private String[] snippets(FacetSearcher searcher, ScoreDoc[] docs, Document[] stored, Query highlight)
            throws IOException {
        int[] ids = new int[docs.length];
        String[] descriptions = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
            descriptions[i] = stored[i].get(DocumentMapper.DESCRIPTION);
        }
        return snippets.of(searcher, ids, descriptions, highlight);
    }

    private static Long number(Document doc, String field) {
        IndexableField value = doc.getField(field);
        return value == null ? null : value.numericValue().longValue();
    }

    private static Integer integer(Document doc, String field) {
        Long value = number(doc, field);
        return value == null ? null : value.intValue();
    }

}
