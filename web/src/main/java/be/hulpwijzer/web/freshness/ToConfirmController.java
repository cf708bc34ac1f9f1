package be.hulpwijzer.web.freshness;

import be.hulpwijzer.catalogue.availability.AvailabilityService;
import be.hulpwijzer.catalogue.freshness.Freshness;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Te bevestigen": an editor sees their modules whose availability was not confirmed for 30 days and
 * confirms each in one click; a coordinator sees per organisation of a zone how fresh its data is, opens
 * an organisation's list, and opens its verification ({@link VerifyPageController}).
 */
@Controller("/te-bevestigen")
@Secured({Roles.EDITOR, Roles.COORDINATOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ToConfirmController {

    private final Freshness freshness;
    private final OrganisationRepository organisations;
    private final AvailabilityService availability;
    private final ReferenceData reference;
    private final Csrf csrf;
    private final Clock clock;

    ToConfirmController(Freshness freshness, OrganisationRepository organisations, AvailabilityService availability,
                        ReferenceData reference, Csrf csrf, Clock clock) {
        this.freshness = freshness;
        this.organisations = organisations;
        this.availability = availability;
        this.reference = reference;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String zone,
                         @Nullable @QueryValue Long organisatie, @Nullable @QueryValue String geverifieerd) {
        boolean coordinator = caller.getRoles().contains(Roles.COORDINATOR) || Roles.isAdmin(caller);
        Map<String, Object> model = Models.page(Texts.get("toConfirmTitle"));
        model.put("csrf", csrf.token(request));
        model.put("coordinator", coordinator);
        if (geverifieerd != null) {
            model.put("notice", Texts.get("verifiedNotice"));
        }
        List<Long> shown = organisatie != null && coordinator ? List.of(organisatie) : Roles.organisations(caller);
        model.put("organisations", shown.stream().map(id -> modules(id, caller)).flatMap(java.util.Optional::stream).toList());
        if (coordinator && organisatie == null) {
            List<Zone> zones = Roles.isAdmin(caller) ? reference.zones()
                    : Roles.zones(caller).stream().map(reference.zonesByCode()::get).filter(java.util.Objects::nonNull).toList();
            String chosen = zone != null && zones.stream().anyMatch(z -> z.code().equals(zone)) ? zone
                    : zones.isEmpty() ? null : zones.get(0).code();
            model.put("zones", zones.stream().map(z -> Map.of("code", z.code(), "name", z.name(), "selected", z.code().equals(chosen))).toList());
            if (chosen != null) {
                model.put("zoneName", reference.zonesByCode().get(chosen).name());
                model.put("zone", chosen);
                model.put("freshness", freshness.freshness(chosen, caller).stream().map(f -> Map.of("id", f.id(), "name", f.name(),
                        "modules", f.modules(), "stale", f.stale(), "hasStale", f.stale() > 0,
                        "oldest", f.oldestConfirmation() == null ? Texts.get("never") : Dutch.date(f.oldestConfirmation()),
                        "verified", f.verifiedAt() == null ? Texts.get("never") : Dutch.date(f.verifiedAt()) + " · " + f.verifiedBy())).toList());
            }
        }
        return HttpResponse.ok(new ModelAndView<>("to-confirm", model));
    }

    private java.util.Optional<Map<String, Object>> modules(long organisation, Authentication caller) {
        return organisations.findById(organisation).map(o -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Freshness.ToConfirm> stale = freshness.toConfirm(organisation, caller);
            // only who may change the modules confirms them, and only what has an availability to confirm
            boolean mayChange = Roles.isAdmin(caller) || Roles.organisations(caller).contains(organisation);
            Map<Long, be.hulpwijzer.catalogue.availability.AvailabilityView> current = mayChange
                    ? availability.current(stale.stream().map(Freshness.ToConfirm::moduleId).toList()) : Map.of();
            for (Freshness.ToConfirm m : stale) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("id", m.moduleId());
                row.put("title", m.title());
                row.put("state", Texts.get("state." + m.state()));
                row.put("confirmed", m.confirmedAt() == null ? Texts.get("never") : Dutch.freshness(m.confirmedAt(), clock.instant()));
                if (current.containsKey(m.moduleId()) && !"unknown".equals(current.get(m.moduleId()).state())) {
                    row.put("version", current.get(m.moduleId()).version());
                    row.put("canConfirm", true);
                }
                rows.add(row);
            }
            return Map.of("id", o.id(), "name", o.name(), "modules", rows, "none", rows.isEmpty());
        });
    }
}
