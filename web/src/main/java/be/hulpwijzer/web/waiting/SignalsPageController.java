package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.indexer.signals.Signals;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * Signalen: what was searched, per month, that found no help or no room, for a region and period, with a
 * CSV download. For coordinators and administrators; a coordinator starts at their own zone.
 */
@Controller("/signalen")
@Secured({Roles.COORDINATOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignalsPageController {

    private final Signals signals;
    private final SignalWords words;
    private final RegionChoice regions;

    SignalsPageController(Signals signals, SignalWords words, RegionChoice regions) {
        this.signals = signals;
        this.words = words;
        this.regions = regions;
    }

    @Get
    HttpResponse<?> page(Authentication caller, @Nullable @QueryValue String regio, @Nullable @QueryValue String van,
                         @Nullable @QueryValue String tot) {
        RegionChoice.Chosen chosen = regions.choose(regio, van, tot, caller);
        Map<String, Object> model = regions.page(Texts.get("signalsTitle"), chosen, caller);
        model.put("signals", signals.of(chosen.region(), 200).stream().map(words::row).toList());
        model.put("unknownWords", signals.unknownWords(chosen.region(), 100).stream().map(w -> Map.<String, Object>of(
                "word", w.word(), "searches", Texts.get("unknownWordsSearches", w.searches()),
                "href", "/thesaurus?woord=" + java.net.URLEncoder.encode(w.word(), java.nio.charset.StandardCharsets.UTF_8)))
                .toList());
        model.put("csv", "/api/v1/reports/signals/csv?" + chosen.query());
        return HttpResponse.ok(new ModelAndView<>("signals", model));
    }
}
