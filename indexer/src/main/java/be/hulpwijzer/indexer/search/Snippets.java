package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.facet.Memories;
import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snippet of each hit: the best passage of its description with the words searched for in {@code <mark>},
 * HTML-escaped; without a match, the description's start. Lucene's {@link UnifiedHighlighter} finds the
 * matches from the offsets in the description's postings, from the descriptions already read for the hits.
 * Highlighting twenty descriptions takes about half a millisecond, so snippets are remembered per segment.
 */
final class Snippets {

    static final int LENGTH = 240;
    private static final int MAX_HIGHLIGHTED = 10_000;
    private static final String[] FIELDS = {DocumentMapper.DESCRIPTION};
    private static final int[] ONE_PASSAGE = {1};

    /** About 500 bytes a snippet: a few MB, the least recently used forgotten first. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Analyzer indexAnalyzer;
    private final Cache<Key, String> remembered = Memories.bounded(MAX_REMEMBERED);

    Snippets(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    /**
     * @param docs         the hits (document numbers of {@code searcher}'s reader)
     * @param descriptions their descriptions (null when a hit has none)
     * @param highlight    what to mark, null for nothing
     */
    String[] of(IndexSearcher searcher, int[] docs, String[] descriptions, Query highlight) throws IOException {
        String[] snippets = new String[docs.length];
        if (highlight != null && docs.length > 0) {
            Key[] keys = new Key[docs.length];
            Map<Integer, String> missing = new HashMap<>();
            for (int i = 0; i < docs.length; i++) {
                keys[i] = Key.of(searcher.getIndexReader(), docs[i], highlight);
                snippets[i] = keys[i] == null ? null : remembered.getIfPresent(keys[i]);
                if (snippets[i] == null) {
                    missing.put(docs[i], descriptions[i]);
                }
            }
            if (!missing.isEmpty()) {
                highlightMissing(searcher, docs, highlight, snippets, keys, missing);
            }
        }
        for (int i = 0; i < docs.length; i++) {
            if (snippets[i] == null) {
                snippets[i] = escape(start(descriptions[i] == null ? "" : descriptions[i]));
            }
        }
        return snippets;
    }

    /** Highlights the hits not remembered and remembers them. */
    private void highlightMissing(IndexSearcher searcher, int[] docs, Query highlight, String[] snippets, Key[] keys,
                                  Map<Integer, String> missing) throws IOException {
        int[] ids = missing.keySet().stream().mapToInt(Integer::intValue).toArray();
        String[] passages = highlighter(searcher, missing).highlightFields(FIELDS, highlight, ids, ONE_PASSAGE)
                .get(DocumentMapper.DESCRIPTION);
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byDoc.put(ids[i], passages[i]);
        }
        for (int i = 0; i < docs.length; i++) {
            if (snippets[i] == null && byDoc.get(docs[i]) != null) {
                snippets[i] = byDoc.get(docs[i]);
                if (keys[i] != null) {
                    remembered.put(keys[i], snippets[i]);
                }
            }
        }
    }

    /** A hit's snippet for a query ({@link SegmentDoc}: true for as long as the segment exists). */
    private record Key(Query highlight, SegmentDoc doc) {
        static Key of(IndexReader reader, int doc, Query highlight) {
            SegmentDoc segmentDoc = SegmentDoc.of(reader, doc);
            return segmentDoc == null ? null : new Key(highlight, segmentDoc);
        }
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, String> descriptions) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withScorer(new FewMatchesScorer())
                .withMaxLength(MAX_HIGHLIGHTED);
        return new UnifiedHighlighter(builder) {
            @Override // the descriptions were read already: no second reading of the same stored fields
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    String text = descriptions.get(doc);
                    values.add(new CharSequence[]{text == null ? "" : text});
                }
                return values;
            }

            @Override // the description is always indexed with offsets; Lucene would merge every segment's field infos to find out
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.POSTINGS;
            }
        };
    }

    private static String start(String description) {
        if (description.length() <= LENGTH) {
            return description;
        }
        int cut = description.lastIndexOf(' ', LENGTH);
        return description.substring(0, cut > 0 ? cut : LENGTH) + " …";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Lucene's passage score (BM25 over the passage's matches), counting the distinct terms of a passage by
     * comparing them with each other: a passage has a few matches, and Lucene's own scorer allocates a hash of
     * 32 kB for every passage it scores.
     */
    static final class FewMatchesScorer extends PassageScorer {

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            double score = 0;
            for (int i = 0; i < matches; i++) {
                if (seenBefore(terms, i)) {
                    continue;
                }
                int inPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        inPassage++;
                    }
                }
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }

        private static boolean seenBefore(BytesRef[] terms, int i) {
            for (int j = 0; j < i; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    void forget() {
        remembered.invalidateAll();
    }
}
