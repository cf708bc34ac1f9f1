package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.db.ReferenceDataStartup;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.ThesaurusGroup;
import be.hulpwijzer.indexer.analysis.Vocabulary;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.index.IndexManager;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Wires the search pieces: one analyzer set, one mapper (and facets config), one index manager. */
@Factory
class SearchBeans {

    @Singleton
    DutchAnalyzers analyzers(ReferenceDataStartup referenceDataLoaded, ReferenceData reference) {
        Map<String, List<String>> synonyms = reference.synonyms().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        List<ThesaurusGroup> thesaurus = reference.thesaurus().stream()
                .map(e -> new ThesaurusGroup(e.terms(), e.lifeDomain(), e.moduleType())).toList();
        return new DutchAnalyzers(Vocabulary.withThesaurus(synonyms, thesaurus));
    }

    @Singleton
    DocumentMapper mapper() {
        return new DocumentMapper();
    }

    @Singleton
    Searcher searcher(DutchAnalyzers analyzers, DocumentMapper mapper, ReferenceData reference, SearchMetrics metrics) {
        return new Searcher(analyzers, mapper, reference.helplines()).observedBy(metrics);
    }

    @Singleton
    SearchParameters parameters(ReferenceData reference, MethodRepository methods, DutchAnalyzers analyzers) {
        return new SearchParameters(reference, code -> methods.findByCode(code).isPresent(),
                analyzers.vocabulary().dictionary()::contains);
    }

    /** Eager: the index opens (or starts rebuilding) at start-up, not at the first search. */
    @Context
    @Bean(preDestroy = "close")
    IndexManager indexManager(DataSource dataSource, DataSourceResolver resolver, DutchAnalyzers analyzers,
                              DocumentMapper mapper, @Value("${hulpwijzer.index-dir:./data/index}") String directory)
            throws IOException {
        IndexManager manager = new IndexManager(resolver.resolve(dataSource), Path.of(directory).toAbsolutePath(),
                analyzers, mapper);
        manager.start();
        return manager;
    }
}
