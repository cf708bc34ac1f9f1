package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.availability.AvailabilityView;
import be.hulpwijzer.catalogue.location.Location;
import be.hulpwijzer.catalogue.location.OpeningHours;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.organisation.Organisation;
import be.hulpwijzer.catalogue.reference.Languages;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.indexer.hsds.HsdsIds.Kind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Our entries as HSDS 3.0 objects (see {@code docs/hsds-profile.md}): a module is a service, an organisation
 * an organization, a location a location with its address and schedules. Values that are absent are left
 * out, never written as null; what HSDS cannot hold goes in {@code x_} extensions.
 */
@Singleton
public class HsdsServices {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final ReferenceData reference;
    private final HsdsTaxonomies taxonomies;

    HsdsServices(ReferenceData reference, HsdsTaxonomies taxonomies) {
        this.reference = reference;
        this.taxonomies = taxonomies;
    }

    /** A service with its one-to-one fields only (HSDS {@code service_list}), as a page lists it. */
    public ObjectNode listItem(HelpModule m, @Nullable AvailabilityView a) {
        ObjectNode s = JSON.createObjectNode();
        String id = HsdsIds.of(Kind.SERVICE, m.id());
        s.put("id", id);
        s.put("organization_id", HsdsIds.of(Kind.ORGANIZATION, m.organisationId()));
        s.put("name", m.title());
        text(s, "description", m.description());
        s.put("status", switch (m.status()) {
            case "paused" -> "temporarily closed";
            case "ended" -> "defunct";
            default -> "active";
        });
        s.put("application_process", be.hulpwijzer.catalogue.api.Messages.get("label.access." + m.access())
                + (blank(m.referralProcedure()) ? "." : ". " + m.referralProcedure()));
        text(s, "fees_description", m.cost());
        s.put("minimum_age", years(m.ageMinMonths()));
        if (m.ageMaxMonths() != null) {
            s.put("maximum_age", years(m.ageMaxMonths())); // inclusive, like our months (docs/hsds-profile.md)
        }
        if (a != null) {
            s.put("assured_date", a.confirmedAt().atZone(BRUSSELS).toLocalDate().toString());
        }
        s.put("last_modified", modified(m, a));
        ObjectNode months = s.putObject("x_age_months");
        months.put("minimum", m.ageMinMonths());
        if (m.ageMaxMonths() != null) {
            months.put("maximum", m.ageMaxMonths());
        }
        s.put("x_access", m.access());
        if (a != null) {
            ObjectNode x = s.putObject("x_availability");
            x.put("state", a.state());
            number(x, "free_places", a.freePlaces());
            number(x, "waiting", a.waiting());
            number(x, "expected_wait_days", a.expectedWaitDays());
            number(x, "expected_first_contact_days", a.expectedFirstContactDays());
            if (a.waitUnknown()) {
                x.put("wait_unknown", true);
            }
            text(x, "note", a.note());
            x.put("confirmed_at", a.confirmedAt().toString());
            x.put("stale", a.stale());
        }
        return s;
    }

    /** A fully nested service: its organization, locations with addresses and hours, areas, languages, contacts and classification. */
    public ObjectNode full(HelpModule m, @Nullable AvailabilityView a, Organisation o, List<Location> locations) {
        ObjectNode s = listItem(m, a);
        String id = s.get("id").asText();
        s.set("organization", organization(o));
        ArrayNode at = s.putArray("service_at_locations");
        for (Location l : locations) {
            ObjectNode link = at.addObject();
            link.put("id", HsdsIds.place(m.id(), l.id()));
            link.put("service_id", id);
            link.put("location_id", HsdsIds.of(Kind.LOCATION, l.id()));
            link.set("location", location(l));
        }
        ArrayNode areas = s.putArray("service_areas");
        for (String code : m.zones()) {
            Zone zone = reference.zonesByCode().get(code);
            ObjectNode area = areas.addObject();
            area.put("id", HsdsIds.named("service/" + m.id() + "/area/" + code));
            area.put("service_id", id);
            area.put("name", zone == null ? code : zone.name());
            area.put("uri", taxonomies.term(HsdsTaxonomies.ZONE, code).uri());
        }
        ArrayNode languages = s.putArray("languages");
        for (String code : m.languages()) {
            ObjectNode language = languages.addObject();
            language.put("id", HsdsIds.named("service/" + m.id() + "/language/" + code));
            language.put("service_id", id);
            language.put("name", Languages.name(code));
            language.put("code", code);
        }
        if (!blank(m.contactName()) || !blank(m.contactEmail()) || !blank(m.contactPhone())) {
            ObjectNode contact = s.putArray("contacts").addObject();
            String contactId = HsdsIds.named("service/" + m.id() + "/contact");
            contact.put("id", contactId);
            contact.put("service_id", id);
            text(contact, "name", m.contactName());
            text(contact, "email", m.contactEmail());
            if (!blank(m.contactPhone())) {
                ObjectNode phone = contact.putArray("phones").addObject();
                phone.put("id", HsdsIds.named("service/" + m.id() + "/contact/phone"));
                phone.put("contact_id", contactId);
                phone.put("number", m.contactPhone());
            }
        }
        if (!blank(m.referralPreparation())) {
            ObjectNode document = s.putArray("required_documents").addObject();
            document.put("id", HsdsIds.named("service/" + m.id() + "/required-document"));
            document.put("service_id", id);
            document.put("document", m.referralPreparation());
        }
        ArrayNode attributes = s.putArray("attributes");
        attribute(attributes, m.id(), id, HsdsTaxonomies.TYPE, m.type());
        attribute(attributes, m.id(), id, HsdsTaxonomies.SETTING, m.setting());
        attribute(attributes, m.id(), id, HsdsTaxonomies.ACCESS, m.access());
        m.lifeDomains().forEach(d -> attribute(attributes, m.id(), id, HsdsTaxonomies.DOMAIN, d));
        m.methods().forEach(code -> attribute(attributes, m.id(), id, HsdsTaxonomies.METHOD, code));
        m.zones().forEach(z -> attribute(attributes, m.id(), id, HsdsTaxonomies.ZONE, z));
        return s;
    }

    /** A service at a location (HSDS {@code service_at_location}), with the location nested and the service as a list item. */
    public ObjectNode place(HelpModule m, @Nullable AvailabilityView a, Location l) {
        ObjectNode link = JSON.createObjectNode();
        link.put("id", HsdsIds.place(m.id(), l.id()));
        link.put("service_id", HsdsIds.of(Kind.SERVICE, m.id()));
        link.put("location_id", HsdsIds.of(Kind.LOCATION, l.id()));
        link.set("location", location(l));
        link.set("service", listItem(m, a));
        return link;
    }

    /**
     * An organization with its engagements to the network as {@code x_engagements} (what HSDS cannot hold): as
     * {@code /api/hsds/organizations} and the export's {@code organizations.ndjson} give it.
     */
    public ObjectNode organization(Organisation o, List<be.hulpwijzer.catalogue.engagement.Engagement> engagements) {
        ObjectNode org = organization(o);
        if (engagements.isEmpty()) {
            return org;
        }
        ArrayNode all = org.putArray("x_engagements");
        for (be.hulpwijzer.catalogue.engagement.Engagement e : engagements) {
            ObjectNode x = all.addObject();
            x.put("id", HsdsIds.of(Kind.ENGAGEMENT, e.id()));
            x.put("title", e.title());
            text(x, "description", e.description());
            text(x, "target_group", e.targetGroup());
            number(x, "capacity_per_month", e.capacityPerMonth());
            number(x, "response_time_days", e.responseTimeDays());
            ArrayNode zones = x.putArray("zones");
            e.zones().forEach(zones::add);
            x.put("valid_from", e.validFrom().toString());
            if (e.validTo() != null) {
                x.put("valid_to", e.validTo().toString());
            }
            text(x, "contact_name", e.contactName());
            text(x, "contact_phone", e.contactPhone());
            text(x, "contact_email", e.contactEmail());
            ArrayNode concerns = x.putArray("service_ids");
            e.moduleIds().forEach(m -> concerns.add(HsdsIds.of(Kind.SERVICE, m)));
        }
        return org;
    }

    public ObjectNode organization(Organisation o) {
        ObjectNode org = JSON.createObjectNode();
        String id = HsdsIds.of(Kind.ORGANIZATION, o.id());
        org.put("id", id);
        org.put("name", o.name());
        org.put("description", blank(o.description()) ? o.name() : o.description()); // required by HSDS
        text(org, "email", o.email());
        text(org, "website", o.website());
        if (!blank(o.enterpriseNumber())) {
            ObjectNode kbo = org.putArray("organization_identifiers").addObject();
            kbo.put("id", HsdsIds.named("organization/" + o.id() + "/kbo"));
            kbo.put("organization_id", id);
            kbo.put("identifier_scheme", "BE-BCE_KBO");
            kbo.put("identifier_type", "Ondernemingsnummer (KBO)");
            kbo.put("identifier", o.enterpriseNumber().replaceAll("\\D", ""));
        }
        if (!blank(o.sector())) {
            HsdsTaxonomies.Term sector = taxonomies.term(HsdsTaxonomies.SECTOR, o.sector());
            ObjectNode attribute = org.putArray("attributes").addObject();
            attribute.put("id", HsdsIds.named("organization/" + o.id() + "/attribute/sector/" + o.sector()));
            attribute.put("link_id", id);
            attribute.put("link_type", HsdsTaxonomies.SECTOR.code());
            attribute.put("link_entity", "organization");
            attribute.put("taxonomy_term_id", sector.id());
            attribute.set("taxonomy_term", term(sector));
        }
        if (!blank(o.phone())) {
            ObjectNode phone = org.putArray("phones").addObject();
            phone.put("id", HsdsIds.named("organization/" + o.id() + "/phone"));
            phone.put("organization_id", id);
            phone.put("number", o.phone());
        }
        return org;
    }

    /** A location; a confidential one (a shelter) without its address and coordinates. */
    public ObjectNode location(Location l) {
        ObjectNode loc = JSON.createObjectNode();
        String id = HsdsIds.of(Kind.LOCATION, l.id());
        loc.put("id", id);
        loc.put("location_type", "physical");
        loc.put("organization_id", HsdsIds.of(Kind.ORGANIZATION, l.organisationId()));
        loc.put("name", l.name());
        Municipality municipality = reference.municipalitiesByNis().get(l.nisCode());
        if (l.confidential()) {
            loc.put("x_confidential", true);
            if (municipality != null) {
                loc.put("x_municipality", municipality.name());
            }
        } else {
            if (l.latitude() != null && l.longitude() != null) {
                loc.put("latitude", l.latitude());
                loc.put("longitude", l.longitude());
            }
            ObjectNode address = loc.putArray("addresses").addObject();
            address.put("id", HsdsIds.named("location/" + l.id() + "/address"));
            address.put("location_id", id);
            address.put("address_1", blank(l.street()) ? "-" : l.street());
            address.put("city", municipality == null ? l.postcode() : municipality.name());
            address.put("state_province", municipality == null ? "Vlaanderen" : municipality.province());
            address.put("postal_code", l.postcode());
            address.put("country", "BE");
            address.put("address_type", "physical");
        }
        List<OpeningHours> hours = l.openingHours();
        if (!hours.isEmpty() || !blank(l.hoursNote())) {
            ArrayNode schedules = loc.putArray("schedules");
            for (int i = 0; i < hours.size(); i++) {
                OpeningHours h = hours.get(i);
                ObjectNode schedule = schedules.addObject();
                schedule.put("id", HsdsIds.named("location/" + l.id() + "/schedule/" + i));
                schedule.put("location_id", id);
                schedule.put("freq", "WEEKLY");
                schedule.put("byday", OpeningHours.BYDAY.get(h.day() - 1));
                schedule.put("opens_at", h.opens().toString());
                schedule.put("closes_at", h.closes().toString());
                text(schedule, "description", h.note());
                text(schedule, "notes", l.hoursNote());
            }
        }
        return loc;
    }

    private void attribute(ArrayNode attributes, long moduleId, String serviceId, HsdsTaxonomies.Taxonomy taxonomy, String code) {
        HsdsTaxonomies.Term term = taxonomies.term(taxonomy, code);
        ObjectNode attribute = attributes.addObject();
        attribute.put("id", HsdsIds.named("service/" + moduleId + "/attribute/" + taxonomy.code() + "/" + code));
        attribute.put("link_id", serviceId);
        attribute.put("link_type", taxonomy.code());
        attribute.put("link_entity", "service");
        attribute.put("taxonomy_term_id", term.id());
        attribute.set("taxonomy_term", term(term));
    }

    static ObjectNode term(HsdsTaxonomies.Term term) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", term.id());
        t.put("code", term.code());
        t.put("name", term.name());
        t.put("description", term.name() + " (" + term.taxonomy().name() + ")");
        t.put("taxonomy", term.taxonomy().name());
        t.put("taxonomy_id", term.taxonomy().id());
        t.put("language", "nl");
        t.put("term_uri", term.uri());
        return t;
    }

    static ObjectNode taxonomy(HsdsTaxonomies.Taxonomy taxonomy) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", taxonomy.id());
        t.put("name", taxonomy.name());
        t.put("description", taxonomy.description());
        t.put("uri", taxonomy.uri());
        return t;
    }

    /** Months as decimal years: -9 months is -0.75. */
    static BigDecimal years(int months) {
        return BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String modified(HelpModule m, @Nullable AvailabilityView a) {
        Instant latest = m.updatedAt() == null ? Instant.EPOCH : m.updatedAt();
        if (a != null && a.confirmedAt().isAfter(latest)) {
            latest = a.confirmedAt();
        }
        return MODIFIED.format(latest.atZone(BRUSSELS));
    }

    private static void text(ObjectNode node, String field, @Nullable String value) {
        if (!blank(value)) {
            node.put(field, value);
        }
    }

    private static void number(ObjectNode node, String field, @Nullable Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
