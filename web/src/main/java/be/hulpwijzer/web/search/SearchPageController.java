package be.hulpwijzer.web.search;

import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.index.SearchIndex;
import be.hulpwijzer.indexer.search.SearchParameters;
import be.hulpwijzer.indexer.search.Searcher;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The search page: the whole search lives in the URL, so it can be shared, bookmarked and gone back to. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchPageController {

    private final IndexManager indexes;
    private final Searcher searcher;
    private final SearchParameters parameters;
    private final SearchForm form;
    private final SearchPage page;
    private final Clock clock;
    private final be.hulpwijzer.indexer.signals.SearchLog log;

    SearchPageController(IndexManager indexes, Searcher searcher, SearchParameters parameters, ReferenceData reference,
                         Clock clock, be.hulpwijzer.indexer.signals.SearchLog log) {
        this.log = log;
        this.indexes = indexes;
        this.searcher = searcher;
        this.parameters = parameters;
        this.form = new SearchForm(reference);
        this.page = new SearchPage(reference);
        this.clock = clock;
    }

    @Get
    HttpResponse<?> search(HttpRequest<?> request) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameters().forEach(values::put);
        QueryString query = new QueryString(values);
        Map<String, Object> model = page.form(query);
        if (!(Boolean) model.get("searched")) {
            return HttpResponse.ok(new ModelAndView<>("search", model));
        }
        SearchParameters.Parsed parsed;
        try {
            parsed = parameters.parse(form.parameters(query));
        } catch (InvalidRequestException e) {
            model.put("errors", e.errors().stream().map(SearchForm::message).toList());
            return HttpResponse.badRequest(new ModelAndView<>("search", model));
        }
        Optional<SearchIndex> index = indexes.current();
        if (index.isEmpty()) {
            return ErrorPage.of(503, Texts.get("warmingUp"), List.of());
        }
        be.hulpwijzer.indexer.search.SearchResult result = searcher.search(index.get(), parsed.request(),
                parsed.understood(), clock.instant());
        log.record(parsed.request().text(), parsed.request(), result);
        page.result(model, query, result, clock.instant());
        indexes.outOfTouchSince().ifPresent(since -> model.put("staleSince",
                Texts.get("staleSince", be.hulpwijzer.web.page.Dutch.dateTime(since))));
        return HttpResponse.ok(new ModelAndView<>("search", model));
    }
}
