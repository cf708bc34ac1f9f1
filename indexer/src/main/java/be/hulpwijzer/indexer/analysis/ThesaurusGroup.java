package be.hulpwijzer.indexer.analysis;

import java.util.List;

/**
 * Words and phrases that mean the same to someone looking for help ("blowen", "wiet", "cannabis"), with the life
 * domain and module type they point to (null when none), used to rank, never to filter.
 */
public record ThesaurusGroup(List<String> terms, String lifeDomain, String moduleType) {

    public ThesaurusGroup {
        terms = List.copyOf(terms);
    }
}
