package be.hulpwijzer.web.coordination;

import be.hulpwijzer.catalogue.freshness.Chase;
import be.hulpwijzer.catalogue.freshness.Freshness;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.report.Region;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.indexer.signals.Signals;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Models;
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

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * "Mijn zones": where a coordinator lands after login. Per zone how fresh the offer is, the organisations
 * to chase (whom to ask, with a ready mail), the signals of the last month, and links to the report.
 */
@Controller("/coordinatie")
@Secured({Roles.COORDINATOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CoordinationPageController {

    private static final int SIGNALS = 10;

    private final Freshness freshness;
    private final Signals signals;
    private final ReferenceData reference;
    private final ChaseMail mail;
    private final be.hulpwijzer.web.waiting.SignalWords words;
    private final Clock clock;
    private final io.micronaut.http.server.util.HttpHostResolver hosts;

    CoordinationPageController(Freshness freshness, Signals signals, ReferenceData reference, ChaseMail mail, be.hulpwijzer.web.waiting.SignalWords words, Clock clock,
                               io.micronaut.http.server.util.HttpHostResolver hosts) {
        this.hosts = hosts;
        this.words = words;
        this.freshness = freshness;
        this.signals = signals;
        this.reference = reference;
        this.mail = mail;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> page(io.micronaut.http.HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String zone) {
        String base = hosts.resolve(request);
        List<Zone> zones = Roles.isAdmin(caller) ? reference.zones()
                : Roles.zones(caller).stream().map(reference.zonesByCode()::get).filter(java.util.Objects::nonNull).toList();
        Map<String, Object> model = Models.page(Texts.get("coordinationTitle"));
        List<Zone> shown = zone != null && zones.stream().anyMatch(z -> z.code().equals(zone))
                ? zones.stream().filter(z -> z.code().equals(zone)).toList()
                : Roles.isAdmin(caller) ? zones.stream().limit(1).toList() : zones;
        model.put("zones", shown.stream().map(z -> zone(z, caller, base)).toList());
        model.put("choices", Roles.isAdmin(caller) ? zones.stream().map(z -> Map.of("code", z.code(), "name", z.name(),
                "selected", shown.contains(z))).toList() : List.of());
        model.put("none", shown.isEmpty());
        return HttpResponse.ok(new ModelAndView<>("coordination", model));
    }

    private Map<String, Object> zone(Zone zone, Authentication caller, String base) {
        List<Freshness.OrganisationFreshness> all = freshness.freshness(zone.code(), caller);
        int modules = all.stream().mapToInt(Freshness.OrganisationFreshness::modules).sum();
        int stale = all.stream().mapToInt(Freshness.OrganisationFreshness::stale).sum();
        List<Chase> chase = freshness.toChase(zone.code(), caller);
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Europe/Brussels")));
        Region lastMonth = Region.of(zone.code(), null, now.minusMonths(1).toString(), now.toString(), reference, now);
        List<Signals.Signal> found = signals.of(lastMonth, SIGNALS);
        String query = "regio=zone:" + zone.code() + "&van=" + lastMonth.from() + "&tot=" + lastMonth.to();
        return Map.of(
                "code", zone.code(),
                "name", zone.name(),
                "summary", Texts.get("coordinationFreshness", all.size(), modules, stale,
                        modules == 0 ? 100 : Math.round(100.0 * (modules - stale) / modules)),
                "chase", chase.stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                        "stale", Texts.get("coordinationStale", c.staleModules().size(), String.join(", ", c.staleModules())),
                        "oldest", c.oldestConfirmation() == null ? Texts.get("never") : Dutch.date(c.oldestConfirmation()),
                        "editors", c.editors(), "phone", c.phone() == null ? "" : c.phone(),
                        "email", c.email() == null ? "" : c.email(), "mailto", mail.mailto(c, zone.name(), base))).toList(),
                "signals", found.stream().map(s -> Map.of("month", s.month(), "what", words.describe(s),
                        "searches", s.searches(), "withoutResults", s.withoutResults(), "withoutRoomNow", s.withoutRoomNow())).toList(),
                "signalsLink", "/signalen?" + query,
                "reportLink", "/rapport?" + query,
                "freshnessLink", "/te-bevestigen?zone=" + zone.code());
    }
}
