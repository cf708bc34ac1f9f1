package be.hulpwijzer.web.organisation;

import be.hulpwijzer.catalogue.availability.Availability;
import be.hulpwijzer.catalogue.availability.AvailabilityRepository;
import be.hulpwijzer.catalogue.engagement.EngagementRepository;
import be.hulpwijzer.catalogue.location.LocationRepository;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.Organisation;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An organisation with its locations (confidential addresses hidden), modules and engagements. */
@Controller("/organisaties")
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganisationPageController {

    private final OrganisationRepository organisations;
    private final LocationRepository locations;
    private final ModuleRepository modules;
    private final AvailabilityRepository availability;
    private final EngagementRepository engagements;
    private final ReferenceData reference;
    private final Clock clock;

    private final be.hulpwijzer.web.page.Addresses addresses;

    OrganisationPageController(OrganisationRepository organisations, LocationRepository locations,
                               ModuleRepository modules, AvailabilityRepository availability,
                               EngagementRepository engagements, ReferenceData reference, Clock clock,
                               be.hulpwijzer.web.page.Addresses addresses) {
        this.addresses = addresses;
        this.organisations = organisations;
        this.locations = locations;
        this.modules = modules;
        this.availability = availability;
        this.engagements = engagements;
        this.reference = reference;
        this.clock = clock;
    }

    @Get("/{id}")
    HttpResponse<?> organisation(long id) {
        Optional<Organisation> found = organisations.findById(id);
        if (found.isEmpty()) {
            return ErrorPage.notFound();
        }
        Organisation o = found.get();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Dutch.BRUSSELS);
        Map<String, Object> model = Models.page(o.name());
        model.put("description", o.description());
        model.put("demo", o.demo());
        model.put("sector", reference.sectors().stream().filter(s -> s.code().equals(o.sector())).map(CodeName::name)
                .findFirst().orElse(o.sector()));
        model.put("website", o.website());
        model.put("email", o.email());
        model.put("phone", o.phone());
        model.put("phoneHref", o.phone() == null ? null : "tel:" + o.phone().replaceAll("[^0-9+]", ""));
        model.put("enterpriseNumber", o.enterpriseNumber() == null ? null : enterpriseNumber(o.enterpriseNumber()));
        model.put("locations", locations.findByOrganisationIdOrderByName(id).stream().map(addresses::of).toList());
        List<be.hulpwijzer.catalogue.module.HelpModule> active = modules.findByOrganisationIdOrderByTitle(id).stream()
                .filter(m -> "active".equals(m.status())).toList();
        model.put("modules", active.stream().map(m -> {
                    Availability a = availability.findById(m.id()).orElse(null);
                    return Map.of("title", m.title(), "href", "/modules/" + m.id(),
                            "ages", Dutch.ages(m.ageMinMonths(), m.ageMaxMonths()),
                            "state", a == null ? "unknown" : a.state(),
                            "badge", a == null ? Texts.get("badgeUnknown") : Dutch.availability(a.state(), a.freePlaces(), a.expectedWaitDays()),
                            "freshness", a == null ? "" : Dutch.freshness(a.confirmedAt(), now));
                }).toList());
        model.put("engagements", engagements.findByOrganisationIdOrderByValidFromDesc(id).stream()
                .filter(e -> !e.validFrom().isAfter(today) && (e.validTo() == null || !e.validTo().isBefore(today)))
                .map(e -> Map.ofEntries(Map.entry("title", e.title()), Map.entry("description", e.description()),
                        Map.entry("contact", contact(e)), Map.entry("contactPhoneHref", e.contactPhone() == null ? ""
                                : "tel:" + e.contactPhone().replaceAll("[^0-9+]", "")), Map.entry("contactPhone", e.contactPhone() == null ? "" : e.contactPhone()),
                        Map.entry("modules", active.stream().filter(m -> e.moduleIds().contains(m.id()))
                                .map(m -> Map.of("title", m.title(), "href", "/modules/" + m.id())).toList()),
                        Map.entry("target", e.targetGroup() == null ? "" : e.targetGroup()),
                        Map.entry("capacity", e.capacityPerMonth() == null ? "" : Texts.get("engagementCapacity", e.capacityPerMonth())),
                        Map.entry("response", e.responseTimeDays() == null ? "" : Texts.get("responseDays", e.responseTimeDays())),
                        Map.entry("valid", e.validTo() == null ? Texts.get("engagementValidOpen", Dutch.date(e.validFrom()))
                                : Texts.get("engagementValid", Dutch.date(e.validFrom()), Dutch.date(e.validTo())))))
                .toList());
        return HttpResponse.ok(new ModelAndView<>("organisation", model));
    }

    /** "An Peeters (an@cgg.be)": whom to contact about an engagement, or nothing. */
    private static String contact(be.hulpwijzer.catalogue.engagement.Engagement e) {
        if (e.contactName() == null) {
            return e.contactEmail() == null ? "" : e.contactEmail();
        }
        return e.contactName() + (e.contactEmail() == null ? "" : " (" + e.contactEmail() + ")");
    }

    /** "0403.170.701", as the KBO writes it. */
    static String enterpriseNumber(String digits) {
        String plain = digits.replaceAll("\\D", "");
        return plain.length() == 10 ? plain.substring(0, 4) + "." + plain.substring(4, 7) + "." + plain.substring(7) : digits;
    }
}
