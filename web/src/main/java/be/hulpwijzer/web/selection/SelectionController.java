package be.hulpwijzer.web.selection;

import be.hulpwijzer.catalogue.availability.Availability;
import be.hulpwijzer.catalogue.availability.AvailabilityRepository;
import be.hulpwijzer.catalogue.location.LocationRepository;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.Organisation;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.web.module.ReferralFacts;
import be.hulpwijzer.web.page.BackToSearch;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Selectie voor het gezin": two to five modules on one sheet, each with how to refer, whom to call, the
 * access route, the expected wait and when it was confirmed; printable on A4 and sent as a link. The
 * selection is the URL; nothing about the family is asked or stored.
 */
@Controller("/selectie")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SelectionController {

    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final AvailabilityRepository availability;
    private final LocationRepository locations;
    private final Clock clock;
    private final io.micronaut.http.server.util.HttpHostResolver hosts;
    private final be.hulpwijzer.web.page.Addresses addresses;

    SelectionController(ModuleRepository modules, OrganisationRepository organisations, AvailabilityRepository availability,
                        LocationRepository locations, Clock clock, io.micronaut.http.server.util.HttpHostResolver hosts,
                        be.hulpwijzer.web.page.Addresses addresses) {
        this.addresses = addresses;
        this.hosts = hosts;
        this.modules = modules;
        this.organisations = organisations;
        this.availability = availability;
        this.locations = locations;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> sheet(HttpRequest<?> request, @Nullable @QueryValue String terug) {
        Optional<Selection> parsed = Selection.parse(request.getParameters().getAll("m"));
        if (parsed.isEmpty()) {
            return ErrorPage.of(400, Texts.get("selectionInvalid"), List.of());
        }
        Selection selection = parsed.get();
        Instant now = clock.instant();
        String back = BackToSearch.href(terug);
        List<Map<String, Object>> items = new ArrayList<>();
        int gone = 0;
        for (long id : selection.ids()) {
            Optional<HelpModule> found = modules.findById(id).filter(m -> !"ended".equals(m.status()));
            if (found.isEmpty()) {
                gone++;
                continue;
            }
            HelpModule m = found.get();
            Organisation organisation = organisations.findById(m.organisationId()).orElseThrow();
            Availability a = availability.findById(id).orElse(null);
            Map<String, Object> item = new java.util.LinkedHashMap<>(ReferralFacts.of(m, a, now));
            item.put("id", id);
            item.put("title", m.title());
            item.put("href", "/modules/" + id);
            item.put("organisation", organisation.name());
            item.put("organisationPhone", organisation.phone());
            item.put("ages", Dutch.ages(m.ageMinMonths(), m.ageMaxMonths()));
            item.put("locations", locations.findByOrganisationIdOrderByName(m.organisationId()).stream().map(addresses::of).toList());
            item.put("removeHref", "/selectie?" + selection.toggle(id).query() + "&" + BackToSearch.parameter(back));
            items.add(item);
        }
        Map<String, Object> model = Models.page(Texts.get("selectionTitle"));
        model.put("items", items);
        model.put("none", items.isEmpty());
        model.put("printed", Texts.get("printedOn", Dutch.date(now)));
        model.put("trimmed", selection.trimmed() ? Texts.get("selectionTrimmed", Selection.MAX) : null);
        model.put("gone", gone == 0 ? null : Texts.get("selectionGone", gone));
        String link = request.getUri().getPath() + "?" + selection.query();
        model.put("shareHref", "mailto:?subject=" + encode(Texts.get("selectionMailSubject")) + "&body="
                + encode(Texts.get("selectionMailBody", hosts.resolve(request) + link)));
        model.put("link", link);
        model.put("back", back + (back.contains("?") ? "&" : "?") + selection.query());
        return HttpResponse.ok(new ModelAndView<>("selection", model));
    }


    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
