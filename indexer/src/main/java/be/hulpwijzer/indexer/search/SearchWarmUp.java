package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.db.ReferenceDataStartup;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.convert.value.MutableConvertibleMultiValuesMap;
import jakarta.annotation.PostConstruct;

/**
 * Makes everything search needs at start-up, while the database is there: the searcher, the parameters and the
 * reference data they keep in memory (zones, places, postcodes, synonyms, thesaurus, helplines). A search then
 * never needs PostgreSQL, so search keeps answering from the index when the database is unreachable.
 */
@Context
class SearchWarmUp {

    private final ReferenceData reference;
    private final SearchParameters parameters;

    SearchWarmUp(ReferenceDataStartup loaded, ReferenceData reference, Searcher searcher, SearchParameters parameters) {
        this.reference = reference;
        this.parameters = parameters;
    }

    @PostConstruct
    void warm() {
        reference.zonesByCode();
        reference.lifeDomains();
        reference.moduleTypes();
        reference.sectors();
        reference.municipalitiesByNis();
        reference.placeZones();
        reference.postcodePoints();
        reference.synonyms();
        reference.thesaurus();
        reference.helplines();
        MutableConvertibleMultiValuesMap<String> query = new MutableConvertibleMultiValuesMap<>();
        query.add("q", "angst 15 jaar Brugge");
        parameters.parse(query);
    }
}
