package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.Concept;
import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.Thesaurus;
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
 * as "spijbelen", 0.9), a compound as a whole or its parts in order (1), the thesaurus' words for it (0.6);
 * widened (when those find few modules), also all its parts apart (0.75), one part that is not the head (0.25),
 * one word of a typed phrase (0.4), and the life domain the thesaurus points to, narrowed to its module type
 * (0.3: help for anxiety also comes from a general psychologist).</li>
 * <li>A module scores {@link #COVERAGE} times the weight of each concept it matches, plus the usual BM25 text
 * score (title and organisation count more): modules matching all meaningful concepts come first, then those
 * matching most; among equals, the better text match.</li>
 * <li>A module must match at least one meaningful concept; light words (zoon, wil, nog) weigh nothing, unless
 * there is nothing else.</li>
 * </ul>
 */
final class ConceptQueries {

    /** What matching one concept is worth, far above any text score, so that coverage decides first. */
    static final float COVERAGE = 100f;
    private static final float FAMILY = 0.9f;
    private static final float PARTS_APART = 0.75f;
    private static final float SYNONYM = 0.6f;
    private static final float ONE_WORD_OF_PHRASE = 0.4f;
    private static final float DOMAIN_OR_TYPE = 0.3f;
    private static final float ONE_PART = 0.25f;
    private static final int MIN_PART = 4;
    private static final int PHRASE_SLOP = 2;
    private static final Map<String, Float> FIELDS = Map.of(DocumentMapper.ALL, 1f, DocumentMapper.TITLE, 2f,
            DocumentMapper.ORGANISATION, 1.5f);

    /**
     * Terms in the text fields (one term, a phrase, or with {@code apart} each somewhere), or exact values of
     * keyword fields ("domain=wonen", all of them), which only count for coverage.
     */
    private static final String KEYWORDS = "keywords";

    private record Alternative(List<String> terms, boolean apart, String keywordField, String via) {

        static Alternative text(List<String> terms) {
            return new Alternative(List.copyOf(terms), false, null, null);
        }

        static Alternative text(List<String> terms, String via) {
            return new Alternative(List.copyOf(terms), false, null, via);
        }

        static Alternative apart(List<String> terms) {
            return new Alternative(List.copyOf(terms), terms.size() > 1, null, null);
        }

        Query match(String field) {
            if (terms.size() == 1) {
                return new TermQuery(new Term(field, terms.get(0)));
            }
            if (apart) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                terms.forEach(t -> all.add(new TermQuery(new Term(field, t)), Occur.MUST));
                return all.build();
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
            terms.forEach(t -> phrase.add(new Term(field, t)));
            return phrase.build();
        }

        /**
         * Null for a keyword alternative: it has no text score. The typed words score in the title and organisation
         * too; the thesaurus' words and single parts only in all the text (a third of the terms to read).
         */
        Query scored() {
            if (keywordField != null) {
                return null;
            }
            if (via != null) {
                return match(DocumentMapper.ALL);
            }
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            FIELDS.forEach((field, boost) -> fields.add(new BoostQuery(match(field), boost), Occur.SHOULD));
            return fields.build();
        }

        boolean sameMatch(Alternative other) {
            return terms.equals(other.terms) && apart == other.apart && java.util.Objects.equals(keywordField, other.keywordField);
        }

        Query matched() {
            if (keywordField == null) {
                return match(DocumentMapper.ALL);
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String value : terms) {
                String[] fieldValue = value.split("=", 2);
                all.add(new TermQuery(new Term(fieldValue[0], fieldValue[1])), Occur.FILTER);
            }
            return all.build();
        }
    }

    private final DutchAnalyzers analyzers;
    private final WordKeys keys;

    ConceptQueries(DutchAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.keys = analyzers.keys();
    }

    /**
     * How a concept can match, best first: what to look for and, for a thesaurus word, a life domain or a module
     * type, what it matched through ("schoolverzuim", "domain=school-leren"; null for the typed words themselves).
     */
    record Way(Query matches, String via) {
    }

    /** A meaningful concept as typed, with its ways to match. */
    record Explained(String typed, List<Way> ways) {
    }

    /** The meaningful concepts of a text, to say per hit which matched and how. */
    List<Explained> explained(String text, boolean widened) {
        List<Concept> concepts = analyzers.concepts(text);
        boolean onlyLight = concepts.stream().allMatch(Concept::light);
        List<Explained> explained = new ArrayList<>();
        for (Concept concept : concepts) {
            if (!concept.light() || onlyLight) {
                List<Map.Entry<Alternative, Float>> ways = new ArrayList<>(alternatives(concept, widened).entrySet());
                ways.sort((a, b) -> Float.compare(b.getValue(), a.getValue()));
                explained.add(new Explained(concept.typed(), ways.stream()
                        .map(e -> new Way(e.getKey().matched(), e.getKey().via())).toList()));
            }
        }
        return explained;
    }

    /**
     * Null when the text has no words to search. {@code widened}: also by one part of a compound and by the life
     * domain or module type the thesaurus points to, for when the words themselves find few modules.
     */
    Query text(String text, boolean widened) {
        List<Concept> concepts = analyzers.concepts(text);
        boolean onlyLight = concepts.stream().allMatch(Concept::light);
        BooleanQuery.Builder needed = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        int neededClauses = 0;
        for (Concept concept : concepts) {
            if (concept.light() && !onlyLight) {
                continue; // weighs nothing beside words that carry a need: reading "jongeren" in every module costs
            }
            Map<Alternative, Float> alternatives = alternatives(concept, widened);
            if (!alternatives.isEmpty()) {
                needed.add(concept(alternatives), Occur.SHOULD);
                neededClauses++;
            }
        }
        return neededClauses == 0 ? null : needed.build();
    }

    /** The best alternative of a concept: its coverage weight and its text score. */
    private static Query concept(Map<Alternative, Float> alternatives) {
        List<Query> each = new ArrayList<>();
        alternatives.forEach((alternative, weight) -> {
            Query text = alternative.scored();
            each.add(text == null ? new BoostQuery(new ConstantScoreQuery(alternative.matched()), COVERAGE * weight)
                    : new PlusConstantQuery(new BoostQuery(text, weight), COVERAGE * weight));
        });
        return new DisjunctionMaxQuery(each, 0.1f);
    }

    /** Each alternative with its weight (the highest when two alternatives are the same). */
    private Map<Alternative, Float> alternatives(Concept concept, boolean widened) {
        Map<Alternative, Float> alternatives = new LinkedHashMap<>();
        if (concept.words().size() == 1) {
            word(concept.words().get(0), alternatives, widened);
        } else {
            Set<String> light = analyzers.vocabulary().lightWords();
            List<String> content = concept.words().stream().filter(w -> !light.contains(w) || Thesaurus.NEGATIONS.contains(w)).toList();
            put(alternatives, Alternative.apart((content.isEmpty() ? concept.words() : content).stream()
                    .map(keys::stem).toList()), 1f);
            if (widened) {
                concept.words().stream().filter(w -> !light.contains(w))
                        .forEach(w -> put(alternatives, Alternative.text(List.of(keys.stem(w)), w), ONE_WORD_OF_PHRASE));
            }
        }
        for (ThesaurusGroup group : concept.groups()) {
            for (String term : group.terms()) {
                List<String> words = Words.of(term);
                if (!words.isEmpty()) {
                    put(alternatives, Alternative.text(words.stream().map(keys::stem).toList(), term), SYNONYM);
                }
            }
            // the life domain (angst: a psychologist helps too), narrowed to the module type when the group names
            // both (crisisopvang: crisis shelters, not all of family life)
            List<String> where = new ArrayList<>();
            if (group.lifeDomain() != null) {
                where.add(DocumentMapper.DOMAIN + "=" + group.lifeDomain());
            }
            if (group.moduleType() != null) {
                where.add(DocumentMapper.TYPE + "=" + group.moduleType());
            }
            if (widened && !where.isEmpty()) {
                put(alternatives, new Alternative(where, false, KEYWORDS, String.join("&", where)), DOMAIN_OR_TYPE);
            }
        }
        return alternatives;
    }

    /**
     * A typed word: itself, its family, a compound's parts; widened, also one part that is not the compound's head
     * (the head names the kind of help, "begeleiding", the other parts what it is about: "budget").
     */
    private void word(String word, Map<Alternative, Float> alternatives, boolean widened) {
        String stem = keys.stem(word);
        put(alternatives, Alternative.text(List.of(stem)), 1f);
        String family = keys.key(word);
        if (!family.equals(stem)) {
            put(alternatives, Alternative.text(List.of(family)), FAMILY);
        }
        List<String> parts = analyzers.decompounder().words(analyzers.queryText().base(word));
        if (parts.size() > 1) {
            List<String> stems = parts.stream().map(keys::stem).toList();
            put(alternatives, Alternative.text(stems), 1f);
            if (widened) {
                put(alternatives, Alternative.apart(stems), PARTS_APART);
            }
            Set<String> light = analyzers.vocabulary().lightWords();
            for (String part : widened ? parts.subList(0, parts.size() - 1) : List.<String>of()) {
                if (part.length() >= MIN_PART && !light.contains(part)
                        && !analyzers.vocabulary().stopwords().contains(part)) {
                    put(alternatives, Alternative.text(List.of(keys.stem(part)), part), ONE_PART);
                }
            }
        }
    }

    /** The same terms twice (a thesaurus word that is the typed word) keep the first way and the highest weight. */
    private static void put(Map<Alternative, Float> alternatives, Alternative alternative, float weight) {
        for (Map.Entry<Alternative, Float> known : alternatives.entrySet()) {
            if (known.getKey().sameMatch(alternative)) {
                known.setValue(Math.max(known.getValue(), weight));
                return;
            }
        }
        alternatives.put(alternative, weight);
    }
}
