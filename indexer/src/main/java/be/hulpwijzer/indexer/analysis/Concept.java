package be.hulpwijzer.indexer.analysis;

import java.util.List;

/**
 * One thing someone asked for: a typed word, or typed words that the thesaurus knows as one phrase, with the
 * thesaurus groups they belong to. A light concept carries no need (zoon, wil, nog): it ranks, it never decides.
 */
public record Concept(List<String> words, List<ThesaurusGroup> groups, boolean light) {

    public Concept {
        words = List.copyOf(words);
        groups = List.copyOf(groups);
    }

    public String typed() {
        return String.join(" ", words);
    }
}
