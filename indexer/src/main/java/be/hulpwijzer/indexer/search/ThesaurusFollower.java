package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.thesaurus.ThesaurusChanged;
import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.ThesaurusGroup;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Applies a changed thesaurus to search at once: the index holds the words as written, the thesaurus is applied to
 * what is typed, so no rebuild is needed; the queries remembered for texts are forgotten.
 */
@Singleton
class ThesaurusFollower {

    private final ReferenceData reference;
    private final DutchAnalyzers analyzers;
    private final Searcher searcher;

    ThesaurusFollower(ReferenceData reference, DutchAnalyzers analyzers, Searcher searcher) {
        this.reference = reference;
        this.analyzers = analyzers;
        this.searcher = searcher;
    }

    @EventListener
    void changed(ThesaurusChanged change) {
        reference.forgetThesaurus();
        analyzers.thesaurus(reference.thesaurus().stream()
                .map(e -> new ThesaurusGroup(e.terms(), e.lifeDomain(), e.moduleType())).toList());
        searcher.forgetRemembered();
    }
}
