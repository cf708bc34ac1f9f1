package be.hulpwijzer.web.module;

import be.hulpwijzer.catalogue.availability.Availability;
import be.hulpwijzer.catalogue.availability.AvailabilityChange;
import be.hulpwijzer.catalogue.location.Location;
import be.hulpwijzer.catalogue.method.Method;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.organisation.Organisation;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The module page's model: every fact, the warm referral block, the waiting history. */
final class ModulePage {

    private final ReferenceData reference;

    private final be.hulpwijzer.web.page.Addresses addresses;

    ModulePage(ReferenceData reference, be.hulpwijzer.web.page.Addresses addresses) {
        this.addresses = addresses;
        this.reference = reference;
    }

    Map<String, Object> model(HelpModule m, Organisation organisation, Availability availability,
                              List<AvailabilityChange> history, List<Location> locations, List<Method> methods,
                              Instant now) {
        Map<String, Object> model = Models.page(m.title());
        model.put("id", m.id());
        model.put("description", m.description());
        model.put("organisation", organisation.name());
        model.put("organisationHref", "/organisaties/" + organisation.id());
        model.put("demo", organisation.demo());
        model.put("ages", Dutch.ages(m.ageMinMonths(), m.ageMaxMonths()));
        model.put("zones", m.zones().stream().map(code -> {
            Zone zone = reference.zonesByCode().get(code);
            return Map.of("name", zone == null ? code : zone.name(), "href", "/zones/" + code);
        }).toList());
        model.put("domains", names(reference.lifeDomains(), m.lifeDomains()));
        model.put("type", names(reference.moduleTypes(), List.of(m.type())));
        model.put("setting", Texts.get("setting." + m.setting()));
        model.put("access", Texts.get("accessRoute." + m.access()));
        model.put("accessCode", m.access());
        model.put("methods", methods.stream().map(Method::name).collect(Collectors.joining(", ")));
        model.put("languages", String.join(", ", m.languages()).toUpperCase());
        model.put("cost", m.cost());
        model.put("intensity", m.intensity());
        model.put("locations", locations.stream().map(addresses::of).toList());
        model.put("referral", ReferralFacts.of(m, availability, now));
        model.put("availability", availability == null ? null : availability(availability, now));
        model.put("chart", WaitingChart.svg(history, now, Texts.get("historyChartLabel")));
        model.put("history", history.stream().skip(Math.max(0, history.size() - 12)).map(c -> Map.of(
                "date", Dutch.date(c.confirmedAt()), "state", Texts.get("state." + c.state()),
                "wait", "free".equals(c.state()) ? "0" : "waiting".equals(c.state()) && c.expectedWaitDays() != null
                        ? String.valueOf(Math.round(c.expectedWaitDays() / 7.0)) : "–")).toList());
        return model;
    }

    private Map<String, Object> availability(Availability a, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", a.state());
        out.put("badge", Dutch.availability(a.state(), a.freePlaces(), a.expectedWaitDays()));
        out.put("freshness", Dutch.freshness(a.confirmedAt(), now));
        out.put("stale", Dutch.stale(a.confirmedAt(), now));
        out.put("waiting", a.waiting() == null || a.waiting() == 0 ? null : Texts.get("moduleWaiting", a.waiting()));
        out.put("firstContact", a.expectedFirstContactDays() == null ? null
                : Texts.get("moduleFirstContact", a.expectedFirstContactDays()));
        out.put("note", a.note());
        return out;
    }

    private static String names(List<CodeName> vocabulary, List<String> codes) {
        return codes.stream().map(code -> vocabulary.stream().filter(c -> c.code().equals(code)).map(CodeName::name)
                .findFirst().orElse(code)).collect(Collectors.joining(", "));
    }
}
