package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.index.SearchIndex;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.time.Clock;

@Controller("/api/v1/search")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    private final IndexManager indexes;
    private final Searcher searcher;
    private final SearchParameters parameters;
    private final Clock clock;
    private final be.hulpwijzer.indexer.signals.SearchLog log;

    SearchController(IndexManager indexes, Searcher searcher, SearchParameters parameters, Clock clock,
                     be.hulpwijzer.indexer.signals.SearchLog log) {
        this.log = log;
        this.indexes = indexes;
        this.searcher = searcher;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Get
    SearchResult search(HttpRequest<?> request) throws IOException {
        SearchParameters.Parsed parsed = parameters.parse(request.getParameters());
        SearchIndex index = indexes.current().orElseThrow(WarmingUpException::new);
        SearchResult result = searcher.search(index, parsed.request(), parsed.understood(), clock.instant())
                .withStaleSince(indexes.outOfTouchSince().orElse(null));
        log.record(parsed.request().text(), parsed.request(), result);
        return result;
    }
}
