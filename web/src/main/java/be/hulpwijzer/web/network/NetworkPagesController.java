package be.hulpwijzer.web.network;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which organisations practise which method; which commitments to the network are in force. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class NetworkPagesController {

    private final NetworkOverview overview;
    private final Clock clock;
    private final ReferenceData reference;

    NetworkPagesController(NetworkOverview overview, Clock clock, ReferenceData reference) {
        this.overview = overview;
        this.clock = clock;
        this.reference = reference;
    }

    @Get("/methodieken")
    HttpResponse<?> methods(@Nullable @QueryValue("q") String words) {
        Map<String, Object> model = Models.page(Texts.get("methodsTitle"));
        model.put("methods", overview.methods(words));
        model.put("q", words == null ? "" : words);
        model.put("filtered", words != null && !words.isBlank());
        return HttpResponse.ok(new ModelAndView<>("methods", model));
    }

    /** A basiswerker looks for the commitments that hold in their own zone: {@code ?zone=brugge}. */
    @Get("/engagementen")
    HttpResponse<?> engagements(@Nullable @QueryValue("zone") String zoneCode, @Nullable @QueryValue("q") String words) {
        String zone = zoneCode == null || zoneCode.isBlank() ? null : zoneCode.strip();
        if (zone != null && !reference.isZone(zone)) {
            return ErrorPage.of(400, Texts.get("unknownZone", zone), List.of());
        }
        Map<String, String> names = reference.zones().stream().collect(Collectors.toMap(Zone::code, Zone::name));
        Map<String, Object> model = Models.page(Texts.get("engagementsTitle"));
        model.put("engagements", overview.engagementsInForce(LocalDate.ofInstant(clock.instant(), Dutch.BRUSSELS), zone, words, names));
        model.put("zones", reference.zones().stream().sorted(Comparator.comparing(Zone::name))
                .map(z -> Map.of("code", z.code(), "name", z.name() + " (" + z.province() + ")", "selected", z.code().equals(zone)))
                .toList());
        model.put("filtered", zone != null || words != null && !words.isBlank());
        model.put("q", words == null ? "" : words);
        return HttpResponse.ok(new ModelAndView<>("engagements", model));
    }
}
