package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.Concept;
import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.ThesaurusGroup;
import be.hulpwijzer.indexer.analysis.WordKeys;
import be.hulpwijzer.indexer.analysis.Words;
import be.hulpwijzer.indexer.document.DocumentMapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text query: ranked partial matching over the {@link Concept concepts} of what was typed.
 * <ul>
 * <li>Each concept matches by its best alternative: the typed word (1), its family by the dictionary ("spijbelt"
 * as "spijbelen", 0.9), a compound as a whole or its parts in order (1), all its parts apart (0.75), one part
 * (0.25), and the thesaurus' words for it (0.6).</li>
 * <li>A module scores {@link #COVERAGE} times the weight of each concept it matches, plus the usual BM25 text
 * score (title and organisation count more): modules matching all meaningful concepts come first, then those
 * matching most; among equals, the better text match.</li>
 * <li>A module must match at least one meaningful concept; light words (zoon, wil, nog) only rank, unless there
 * is nothing else.</li>
 * </ul>
 */
final class ConceptQueries {

    /** What matching one concept is worth, far above any text score, so that coverage decides first. */
    static final float COVERAGE = 100f;
    private static final float FAMILY = 0.9f;
    private static final float PARTS_APART = 0.75f;
    private static final float ONE_PART = 0.25f;
    private static final float SYNONYM = 0.6f;
    private static final float LIGHT = 0.2f;
    private static final int MIN_PART = 4;
    private static final Map<String, Float> FIELDS = Map.of(DocumentMapper.ALL, 1f, DocumentMapper.TITLE, 2f,
            DocumentMapper.ORGANISATION, 1.5f);

    private final DutchAnalyzers analyzers;
    private final WordKeys keys;

    ConceptQueries(DutchAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.keys = analyzers.keys();
    }

    /** Null when the text has no words to search. */
    Query text(String text) {
        List<Concept> concepts = analyzers.concepts(text);
        boolean onlyLight = concepts.stream().allMatch(Concept::light);
        BooleanQuery.Builder needed = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        int neededClauses = 0;
        for (Concept concept : concepts) {
            Map<List<String>, Float> alternatives = alternatives(concept);
            if (alternatives.isEmpty()) {
                continue;
            }
            if (concept.light() && !onlyLight) {
                ranking.add(new BoostQuery(scored(alternatives), LIGHT), Occur.SHOULD);
            } else {
                needed.add(concept(alternatives), Occur.SHOULD);
                neededClauses++;
            }
        }
        if (neededClauses == 0) {
            return null;
        }
        return ranking.add(needed.build(), Occur.MUST).build();
    }

    /** The best alternative of a concept: its coverage weight and its text score. */
    private static Query concept(Map<List<String>, Float> alternatives) {
        List<Query> each = new ArrayList<>();
        alternatives.forEach((terms, weight) -> {
            Query all = match(DocumentMapper.ALL, terms);
            each.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new ConstantScoreQuery(all), COVERAGE * weight), Occur.MUST)
                    .add(new BoostQuery(scored(terms), weight), Occur.SHOULD).build());
        });
        return new DisjunctionMaxQuery(each, 0.1f);
    }

    private static Query scored(Map<List<String>, Float> alternatives) {
        List<Query> each = new ArrayList<>();
        alternatives.forEach((terms, weight) -> each.add(new BoostQuery(scored(terms), weight)));
        return new DisjunctionMaxQuery(each, 0.1f);
    }

    /** The text score of an alternative in the fields that count. */
    private static Query scored(List<String> terms) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        FIELDS.forEach((field, boost) -> fields.add(new BoostQuery(match(field, terms), boost), Occur.SHOULD));
        return fields.build();
    }

    /**
     * One alternative's words in a field: a term; words in order ("opvoeding ondersteuning", a thesaurus phrase,
     * one word between allowed); or, for a compound's parts apart, a list starting with "&" (each somewhere).
     */
    private static Query match(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        if (terms.get(0).equals("&")) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            terms.subList(1, terms.size()).forEach(t -> all.add(new TermQuery(new Term(field, t)), Occur.MUST));
            return all.build();
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
        terms.forEach(t -> phrase.add(new Term(field, t)));
        return phrase.build();
    }

    /** Each alternative's indexed terms, with its weight (the highest when two alternatives are the same). */
    private Map<List<String>, Float> alternatives(Concept concept) {
        Map<List<String>, Float> alternatives = new LinkedHashMap<>();
        if (concept.words().size() == 1) {
            word(concept.words().get(0), alternatives);
        } else {
            put(alternatives, List.of("&"), concept.words().stream().map(keys::stem).toList(), 1f);
        }
        for (ThesaurusGroup group : concept.groups()) {
            for (String term : group.terms()) {
                List<String> words = Words.of(term);
                if (words.size() == 1) {
                    put(alternatives, List.of(), List.of(keys.stem(words.get(0))), SYNONYM);
                } else if (!words.isEmpty()) {
                    put(alternatives, List.of(), words.stream().map(keys::stem).toList(), SYNONYM);
                }
            }
        }
        return alternatives;
    }

    /** A typed word: itself, its family, a compound's parts. */
    private void word(String word, Map<List<String>, Float> alternatives) {
        String stem = keys.stem(word);
        put(alternatives, List.of(), List.of(stem), 1f);
        String family = keys.key(word);
        if (!family.equals(stem)) {
            put(alternatives, List.of(), List.of(family), FAMILY);
        }
        List<String> parts = analyzers.decompounder().words(analyzersBase(word));
        if (parts.size() > 1) {
            List<String> stems = parts.stream().map(keys::stem).toList();
            put(alternatives, List.of(), stems, 1f);
            put(alternatives, List.of("&"), stems, PARTS_APART);
            Set<String> light = analyzers.vocabulary().lightWords();
            for (String part : parts) {
                if (part.length() >= MIN_PART && !light.contains(part)
                        && !analyzers.vocabulary().stopwords().contains(part)) {
                    put(alternatives, List.of(), List.of(keys.stem(part)), ONE_PART);
                }
            }
        }
    }

    private String analyzersBase(String word) {
        return analyzers.queryText().base(word);
    }

    private static void put(Map<List<String>, Float> alternatives, List<String> prefix, List<String> terms, float weight) {
        List<String> key = new ArrayList<>(prefix);
        key.addAll(terms);
        alternatives.merge(List.copyOf(key), weight, Math::max);
    }
}
