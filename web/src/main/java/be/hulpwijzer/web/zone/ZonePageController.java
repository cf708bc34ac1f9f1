package be.hulpwijzer.web.zone;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The social map of one eerstelijnszone: all modules serving it, per life domain, with a waiting overview. */
@Controller("/zones")
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ZonePageController {

    private final ZoneMap map;
    private final ReferenceData reference;
    private final Clock clock;

    ZonePageController(ZoneMap map, ReferenceData reference, Clock clock) {
        this.map = map;
        this.reference = reference;
        this.clock = clock;
    }

    @Get("/{code}")
    HttpResponse<?> zone(String code) {
        Zone zone = reference.zonesByCode().get(code);
        if (zone == null) {
            return ErrorPage.notFound();
        }
        Instant now = clock.instant();
        List<ZoneMap.Entry> entries = map.modules(code);
        Map<String, Object> model = Models.page(Texts.get("zoneTitle", zone.name()));
        model.put("intro", Texts.get("zoneIntro", zone.name(), zone.province()));
        model.put("searchHref", "/?zone=" + code);
        model.put("engagementsHref", "/engagementen?zone=" + code);
        model.put("overview", overview(entries, now));
        List<Map<String, Object>> domains = new ArrayList<>();
        for (CodeName domain : reference.lifeDomains()) {
            List<Map<String, Object>> modules = entries.stream().filter(e -> e.lifeDomains().contains(domain.code()))
                    .map(e -> Map.<String, Object>of("title", e.title(), "href", "/modules/" + e.id(),
                            "organisation", e.organisation(), "organisationHref", "/organisaties/" + e.organisationId(),
                            "ages", Dutch.ages(e.ageMinMonths(), e.ageMaxMonths()), "state", e.state(),
                            "badge", Dutch.availability(e.state(), e.freePlaces(), e.waitDays()),
                            "stale", Dutch.stale(e.confirmedAt(), now))).toList();
            if (!modules.isEmpty()) {
                domains.add(Map.of("name", domain.name(), "id", "domein-" + domain.code(), "modules", modules));
            }
        }
        model.put("domains", domains);
        return HttpResponse.ok(new ModelAndView<>("zone", model));
    }

    private static Map<String, Object> overview(List<ZoneMap.Entry> entries, Instant now) {
        long free = entries.stream().filter(e -> "free".equals(e.state())).count();
        long stale = entries.stream().filter(e -> Dutch.stale(e.confirmedAt(), now)).count();
        int[] waits = entries.stream().filter(e -> "waiting".equals(e.state()) && e.waitDays() != null)
                .mapToInt(ZoneMap.Entry::waitDays).sorted().toArray();
        String median = waits.length == 0 ? "–" : Texts.get("days", waits[(waits.length - 1) / 2]);
        return Map.of("modules", entries.size(), "free", free, "median", median, "stale", stale);
    }
}
