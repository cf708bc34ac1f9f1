package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.availability.AvailabilityService;
import be.hulpwijzer.catalogue.location.LocationWriter;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.module.ModuleWriter;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationWriter;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fills Hulpwijzer from HSDS 3.0 services (fully nested, as {@code /api/hsds/services/{id}} and
 * {@code services.ndjson} give them): organizations, services and their availability. Each HSDS UUID is kept
 * with the entry it became and a hash of what was imported, so importing the same data again changes
 * nothing and never duplicates. Terms are matched by our term URIs, then by code, then by name; what cannot be
 * mapped is an error naming the row, and the caller's transaction then keeps nothing (all or nothing).
 */
@Singleton
public class HsdsImport {

    /** What happened to one object. */
    public record Row(int row, String kind, String uuid, String action, @Nullable Long id) {
    }

    /** What an import has done so far: a row per object, the counts (created, updated, unchanged), the terms it knows. */
    private record Progress(List<Row> rows, int[] counts, Map<String, HsdsTaxonomies.Term> terms) {
    }

    /** The import's report: counts and a row per object. */
    public record Report(int created, int updated, int unchanged, List<Row> rows) {
    }

    static final Authentication IMPORTER = Authentication.build("import", List.of(Roles.ADMIN));

    private final JdbcOperations jdbc;
    private final OrganisationWriter organisationWriter;
    private final OrganisationRepository organisations;
    private final ModuleWriter moduleWriter;
    private final ModuleRepository modules;
    private final AvailabilityService availability;
    private final ReferenceData reference;
    private final HsdsTaxonomies taxonomies;
    private final LocationWriter locationWriter;
    private final be.hulpwijzer.catalogue.location.LocationRepository locations;
    private final be.hulpwijzer.catalogue.method.MethodRepository methods;
    private final be.hulpwijzer.catalogue.engagement.EngagementWriter engagementWriter;
    private final be.hulpwijzer.catalogue.engagement.EngagementRepository engagementRepository;

    HsdsImport(JdbcOperations jdbc, OrganisationWriter organisationWriter, OrganisationRepository organisations,
               ModuleWriter moduleWriter, ModuleRepository modules, AvailabilityService availability, ReferenceData reference,
               HsdsTaxonomies taxonomies, LocationWriter locationWriter,
               be.hulpwijzer.catalogue.location.LocationRepository locations,
               be.hulpwijzer.catalogue.method.MethodRepository methods,
               be.hulpwijzer.catalogue.engagement.EngagementWriter engagementWriter,
               be.hulpwijzer.catalogue.engagement.EngagementRepository engagementRepository) {
        this.engagementWriter = engagementWriter;
        this.engagementRepository = engagementRepository;
        this.methods = methods;
        this.locationWriter = locationWriter;
        this.locations = locations;
        this.jdbc = jdbc;
        this.organisationWriter = organisationWriter;
        this.organisations = organisations;
        this.moduleWriter = moduleWriter;
        this.modules = modules;
        this.availability = availability;
        this.reference = reference;
        this.taxonomies = taxonomies;
    }

    /** The services in a text: a JSON array, an HSDS page ({@code contents}), one service, or one service a line. */
    public static List<JsonNode> services(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("[")) {
                List<JsonNode> all = new ArrayList<>();
                HsdsServices.JSON.readTree(trimmed).forEach(all::add);
                return all;
            }
            if (trimmed.startsWith("{") && !trimmed.contains("\n{")) {
                JsonNode one = HsdsServices.JSON.readTree(trimmed);
                if (one.has("contents")) {
                    List<JsonNode> all = new ArrayList<>();
                    one.get("contents").forEach(all::add);
                    return all;
                }
                return List.of(one);
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : trimmed.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(HsdsServices.JSON.readTree(line));
                }
            }
            return lines;
        } catch (JsonProcessingException e) {
            throw invalid("", Messages.get("import.json", e.getLocation() == null ? 1 : e.getLocation().getLineNr()));
        }
    }

    /** Imports the services, within the caller's transaction. */
    public Report run(List<JsonNode> services) {
        return run(services, List.of());
    }

    /**
     * Imports the services and the organizations given on their own (those without services too, and their
     * engagements, {@code x_engagements}), within the caller's transaction.
     */
    public Report run(List<JsonNode> services, List<JsonNode> organizationsAlone) {
        // the terms are read once per import (a method it adds joins them)
        Progress run = new Progress(new ArrayList<>(), new int[3], new java.util.HashMap<>(taxonomies.terms()));
        for (int i = 0; i < services.size(); i++) {
            int row = i + 1;
            uuid(services.get(i).path("id").asText(""), row, "id");
            JsonNode organization = services.get(i).path("organization");
            if (!organization.isObject()) {
                throw invalid("[" + row + "].organization", Messages.get("import.organization", row));
            }
            uuid(organization.path("id").asText(""), row, "organization.id");
        }
        // each kind in the order of the ids our UUIDs carry, so that every one of them can be kept (keepId only
        // moves forward); other UUIDs after them, in the file's order
        // every organization once, as given on its own when it is (with its engagements), else as nested in a service
        Map<String, JsonNode> organizationByUuid = new java.util.LinkedHashMap<>();
        Map<String, Integer> organizationRow = new java.util.HashMap<>();
        for (int i = 0; i < organizationsAlone.size(); i++) {
            String uuid = uuid(organizationsAlone.get(i).path("id").asText(""), i + 1, "organization.id");
            organizationByUuid.put(uuid, organizationsAlone.get(i));
            organizationRow.put(uuid, i + 1);
        }
        for (int i = 0; i < services.size(); i++) {
            String uuid = uuid(services.get(i).get("organization").get("id").asText(), i + 1, "organization.id");
            organizationByUuid.putIfAbsent(uuid, services.get(i).get("organization"));
            organizationRow.putIfAbsent(uuid, i + 1);
        }
        List<JsonNode> allOrganizations = new ArrayList<>(organizationByUuid.values());
        Map<String, Long> organisations = new java.util.HashMap<>();
        for (int i : order(allOrganizations, o -> HsdsIds.id(HsdsIds.Kind.ORGANIZATION, o.path("id").asText("")))) {
            JsonNode organization = allOrganizations.get(i);
            String uuid = organization.get("id").asText().toLowerCase(java.util.Locale.ROOT);
            organisations.put(uuid, organisation(organization, organizationRow.get(uuid), run));
        }
        Map<String, long[]> places = new java.util.LinkedHashMap<>();
        List<JsonNode> located = new ArrayList<>();
        for (int i : order(services, s -> HsdsIds.id(HsdsIds.Kind.SERVICE, s.path("id").asText("")))) {
            JsonNode service = services.get(i);
            long organisation = organisations.get(uuid(service.path("organization").path("id").asText(""), i + 1, "organization.id"));
            module(service, uuid(service.path("id").asText(""), i + 1, "id"), organisation, i + 1, run);
            for (JsonNode link : service.path("service_at_locations")) {
                JsonNode location = link.path("location");
                if (location.isObject() && !places.containsKey(location.path("id").asText(""))) {
                    places.put(location.path("id").asText(""), new long[]{organisation, i + 1});
                    located.add(location);
                }
            }
        }
        for (int i : order(located, l -> HsdsIds.id(HsdsIds.Kind.LOCATION, l.path("id").asText("")))) {
            long[] place = places.get(located.get(i).path("id").asText(""));
            location(located.get(i), place[0], (int) place[1], run);
        }
        List<JsonNode> engagements = new ArrayList<>();
        Map<JsonNode, Long> engagedBy = new java.util.IdentityHashMap<>();
        for (JsonNode organization : allOrganizations) {
            for (JsonNode engagement : organization.path("x_engagements")) {
                engagements.add(engagement);
                engagedBy.put(engagement, organisations.get(organization.get("id").asText().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        for (int i : order(engagements, e -> HsdsIds.id(HsdsIds.Kind.ENGAGEMENT, e.path("id").asText("")))) {
            engagement(engagements.get(i), engagedBy.get(engagements.get(i)), i + 1, run);
        }
        return new Report(run.counts()[0], run.counts()[1], run.counts()[2], run.rows());
    }

    /** The positions of the objects, by the id their UUID carries (stable; those without one last, as given). */
    private static List<Integer> order(List<JsonNode> objects, java.util.function.Function<JsonNode, Optional<Long>> id) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            positions.add(i);
        }
        positions.sort(java.util.Comparator.comparingLong(i -> id.apply(objects.get(i)).orElse(Long.MAX_VALUE)));
        return positions;
    }

    private long organisation(JsonNode o, int row, Progress run) {
        String uuid = uuid(o.path("id").asText(""), row, "organization.id");
        ObjectNode json = HsdsServices.JSON.createObjectNode();
        json.put("name", o.path("name").asText(""));
        json.put("description", o.path("description").asText(""));
        json.put("sector", sector(o, row));
        text(json, "email", o.path("email"));
        text(json, "website", o.path("website"));
        for (JsonNode identifier : o.path("organization_identifiers")) {
            if ("BE-BCE_KBO".equals(identifier.path("identifier_scheme").asText())) {
                json.put("enterpriseNumber", identifier.path("identifier").asText());
            }
        }
        text(json, "phone", o.path("phones").path(0).path("number"));
        String hash = hash(json);
        // only what an earlier import made is matched: another instance's UUIDs say nothing about our ids
        Optional<Long> existing = known("organization", uuid).filter(id -> organisations.findById(id).isPresent());
        long id;
        if (existing.isPresent() && sameHash("organization", uuid, hash)) {
            id = existing.get();
            run.rows().add(new Row(row, "organization", uuid, "unchanged", id));
            run.counts()[2]++;
        } else if (existing.isPresent()) {
            json.put("version", organisations.get(existing.get()).version());
            id = write(row, "organization", () -> organisationWriter.update(IMPORTER, existing.get(), json.toString()).id());
            run.rows().add(new Row(row, "organization", uuid, "updated", id));
            run.counts()[1]++;
        } else {
            keepId("organisation", HsdsIds.Kind.ORGANIZATION, uuid);
            id = write(row, "organization", () -> organisationWriter.create(IMPORTER, json.toString()).id());
            run.rows().add(new Row(row, "organization", uuid, "created", id));
            run.counts()[0]++;
        }
        remember("organization", uuid, id, hash);
        return id;
    }

    private void module(JsonNode s, String uuid, long organisation, int row, Progress run) {
        ObjectNode json = HsdsServices.JSON.createObjectNode();
        json.put("title", s.path("name").asText(""));
        json.put("description", s.path("description").asText(""));
        json.put("type", one(s, HsdsTaxonomies.TYPE, row, run));
        json.put("setting", one(s, HsdsTaxonomies.SETTING, row, run));
        json.put("access", s.has("x_access") ? s.get("x_access").asText() : one(s, HsdsTaxonomies.ACCESS, row, run));
        JsonNode months = s.path("x_age_months");
        json.put("ageMinMonths", months.has("minimum") ? months.get("minimum").asInt()
                : (int) Math.round(s.path("minimum_age").asDouble(0) * 12));
        if (months.has("maximum") || (!months.isObject() && s.has("maximum_age"))) {
            json.put("ageMaxMonths", months.has("maximum") ? months.get("maximum").asInt()
                    : (int) Math.floor(s.path("maximum_age").asDouble() * 12));
        }
        json.set("lifeDomains", codes(s, HsdsTaxonomies.DOMAIN, row, run));
        json.set("zones", codes(s, HsdsTaxonomies.ZONE, row, run));
        json.set("methods", codes(s, HsdsTaxonomies.METHOD, row, run));
        ArrayNode languages = json.putArray("languages");
        s.path("languages").forEach(l -> languages.add(l.path("code").asText()));
        text(json, "cost", s.path("fees_description"));
        String process = s.path("application_process").asText("");
        String prefix = Messages.get("label.access." + json.get("access").asText());
        process = process.startsWith(prefix) ? process.substring(prefix.length()).replaceFirst("^\\.\\s*", "") : process;
        if (!process.isBlank()) {
            json.put("referralProcedure", process);
        }
        text(json, "referralPreparation", s.path("required_documents").path(0).path("document"));
        JsonNode contact = s.path("contacts").path(0);
        if (contact.isObject()) {
            ObjectNode c = json.putObject("contact");
            text(c, "name", contact.path("name"));
            text(c, "email", contact.path("email"));
            text(c, "phone", contact.path("phones").path(0).path("number"));
        }
        json.put("status", switch (s.path("status").asText("active")) {
            case "temporarily closed" -> "paused";
            case "defunct", "inactive" -> "ended";
            default -> "active";
        });
        String hash = hash(json) + "|" + s.path("x_availability").toString();
        Optional<Long> existing = known("service", uuid).filter(id -> modules.findById(id).isPresent());
        long id;
        String action;
        if (existing.isPresent() && sameHash("service", uuid, hash)) {
            run.rows().add(new Row(row, "service", uuid, "unchanged", existing.get()));
            run.counts()[2]++;
            return;
        } else if (existing.isPresent()) {
            json.put("version", modules.get(existing.get()).version());
            id = write(row, "service", () -> moduleWriter.update(IMPORTER, existing.get(), json.toString()).id());
            action = "updated";
            run.counts()[1]++;
        } else {
            keepId("module", HsdsIds.Kind.SERVICE, uuid);
            id = write(row, "service", () -> moduleWriter.create(IMPORTER, organisation, json.toString()).id());
            action = "created";
            run.counts()[0]++;
        }
        JsonNode x = s.path("x_availability");
        if (x.isObject()) {
            ObjectNode a = HsdsServices.JSON.createObjectNode();
            a.put("state", x.path("state").asText("unknown"));
            for (String[] field : new String[][]{{"free_places", "freePlaces"}, {"waiting", "waiting"},
                {"expected_wait_days", "expectedWaitDays"}, {"expected_first_contact_days", "expectedFirstContactDays"}}) {
                if (x.has(field[0])) {
                    a.put(field[1], x.get(field[0]).asInt());
                }
            }
            a.put("waitUnknown", x.path("wait_unknown").asBoolean(false));
            text(a, "note", x.path("note"));
            text(a, "confirmedAt", x.path("confirmed_at"));
            availability.current(id).ifPresent(current -> a.put("version", current.version()));
            write(row, "service", () -> availability.update(IMPORTER, id, a.toString()).moduleId());
        }
        lastModified(id, s.path("last_modified").asText(""));
        run.rows().add(new Row(row, "service", uuid, action, id));
        remember("service", uuid, id, hash);
    }

    /**
     * A location of the service's organisation, with its address (municipality from the postcode, by the city's
     * name when the postcode has several) and its weekly schedules as opening hours. A location without an
     * address (a confidential one) cannot be placed: it is reported as skipped, never dropped silently.
     */
    private void location(JsonNode l, long organisation, int row, Progress run) {
        if (!l.isObject()) {
            return;
        }
        String uuid = uuid(l.path("id").asText(""), row, "location.id");
        JsonNode address = l.path("addresses").path(0);
        ObjectNode json = HsdsServices.JSON.createObjectNode();
        json.put("name", l.path("name").asText(""));
        if (!address.isObject()) {
            if (!confidential(l, json)) {
                if (run.rows().stream().noneMatch(r -> r.uuid().equals(uuid))) {
                    run.rows().add(new Row(row, "location", uuid, "skipped: no address (a confidential location)", null));
                }
                return;
            }
        } else {
            address(l, address, json);
        }
        String hash = hash(json) + "|" + organisation;
        Optional<Long> existing = known("location", uuid).filter(id -> locations.findById(id).isPresent());
        if (existing.isPresent() && sameHash("location", uuid, hash)) {
            if (run.rows().stream().noneMatch(r -> r.uuid().equals(uuid))) {
                run.rows().add(new Row(row, "location", uuid, "unchanged", existing.get()));
                run.counts()[2]++;
            }
            return;
        }
        long id;
        if (existing.isPresent()) {
            json.put("version", locations.findById(existing.get()).orElseThrow().version());
            id = write(row, "location", () -> locationWriter.update(IMPORTER, existing.get(), json.toString()).id());
            run.rows().add(new Row(row, "location", uuid, "updated", id));
            run.counts()[1]++;
        } else {
            keepId("location", HsdsIds.Kind.LOCATION, uuid);
            id = write(row, "location", () -> locationWriter.create(IMPORTER, organisation, json.toString()).id());
            run.rows().add(new Row(row, "location", uuid, "created", id));
            run.counts()[0]++;
        }
        remember("location", uuid, id, hash);
    }

    /** An engagement of an organisation to the network ({@code x_engagements}), the services it concerns by their UUIDs. */
    private void engagement(JsonNode e, long organisation, int row, Progress run) {
        String uuid = uuid(e.path("id").asText(""), row, "x_engagements.id");
        ObjectNode json = HsdsServices.JSON.createObjectNode();
        json.put("title", e.path("title").asText(""));
        text(json, "description", e.path("description"));
        text(json, "targetGroup", e.path("target_group"));
        if (e.has("capacity_per_month")) {
            json.set("capacityPerMonth", e.get("capacity_per_month"));
        }
        if (e.has("response_time_days")) {
            json.set("responseTimeDays", e.get("response_time_days"));
        }
        json.set("zones", e.path("zones").isArray() ? e.get("zones") : HsdsServices.JSON.createArrayNode());
        text(json, "validFrom", e.path("valid_from"));
        text(json, "validTo", e.path("valid_to"));
        text(json, "contactName", e.path("contact_name"));
        text(json, "contactPhone", e.path("contact_phone"));
        text(json, "contactEmail", e.path("contact_email"));
        ArrayNode modules = json.putArray("moduleIds");
        for (JsonNode service : e.path("service_ids")) {
            known("service", service.asText("").toLowerCase(java.util.Locale.ROOT)).ifPresent(modules::add);
        }
        String hash = hash(json) + "|" + organisation;
        Optional<Long> existing = known("engagement", uuid).filter(id -> engagementRepository.findById(id).isPresent());
        if (existing.isPresent() && sameHash("engagement", uuid, hash)) {
            run.rows().add(new Row(row, "engagement", uuid, "unchanged", existing.get()));
            run.counts()[2]++;
            return;
        }
        long id;
        if (existing.isPresent()) {
            json.put("version", engagementRepository.findById(existing.get()).orElseThrow().version());
            id = write(row, "engagement", () -> engagementWriter.update(IMPORTER, existing.get(), json.toString()).id());
            run.rows().add(new Row(row, "engagement", uuid, "updated", id));
            run.counts()[1]++;
        } else {
            keepId("engagement", HsdsIds.Kind.ENGAGEMENT, uuid);
            id = write(row, "engagement", () -> engagementWriter.create(IMPORTER, organisation, json.toString()).id());
            run.rows().add(new Row(row, "engagement", uuid, "created", id));
            run.counts()[0]++;
        }
        remember("engagement", uuid, id, hash);
    }

    /**
     * A confidential location as we publish it (no address; {@code x_confidential} and {@code x_municipality}):
     * kept confidential, placed at its municipality's main postcode, as search places it. False when the
     * location says nothing that places it.
     */
    private boolean confidential(JsonNode l, ObjectNode json) {
        if (!l.path("x_confidential").asBoolean(false)) {
            return false;
        }
        String name = l.path("x_municipality").asText("");
        Optional<be.hulpwijzer.catalogue.reference.Municipality> municipality = reference.municipalities().stream()
                .filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
        var point = municipality.map(m -> reference.municipalityPoint(m.nisCode())).orElse(null);
        if (point == null) {
            return false;
        }
        json.put("postcode", point.postcode());
        json.put("municipality", municipality.get().nisCode());
        json.put("confidential", true);
        return true;
    }

    /** A location's address, coordinates and weekly schedules, as our location's fields. */
    private void address(JsonNode l, JsonNode address, ObjectNode json) {
        String street = address.path("address_1").asText("");
        if (!street.isBlank() && !street.equals("-")) {
            json.put("street", street);
        }
        String postcode = address.path("postal_code").asText("");
        json.put("postcode", postcode);
        String city = address.path("city").asText("");
        List<be.hulpwijzer.catalogue.reference.PostcodePlace> places = postcode.matches("\\d{4}") ? reference.postcode(postcode) : List.of();
        if (places.stream().map(be.hulpwijzer.catalogue.reference.PostcodePlace::nisCode).distinct().count() > 1) {
            places.stream().filter(p -> p.municipality().equalsIgnoreCase(city)).findFirst()
                    .ifPresent(p -> json.put("municipality", p.nisCode()));
        }
        if (l.has("latitude") && l.has("longitude")) {
            json.put("latitude", l.get("latitude").asDouble());
            json.put("longitude", l.get("longitude").asDouble());
        }
        ArrayNode hours = json.putArray("openingHours");
        String note = null;
        for (JsonNode schedule : l.path("schedules")) {
            int day = be.hulpwijzer.catalogue.location.OpeningHours.BYDAY.indexOf(schedule.path("byday").asText("")) + 1;
            if (day == 0 || !schedule.has("opens_at") || !schedule.has("closes_at")) {
                continue;
            }
            ObjectNode period = hours.addObject();
            period.put("day", day);
            period.put("opens", schedule.get("opens_at").asText());
            period.put("closes", schedule.get("closes_at").asText());
            text(period, "note", schedule.path("description"));
            note = schedule.path("notes").isTextual() ? schedule.get("notes").asText() : note;
        }
        if (note != null) {
            json.put("hoursNote", note);
        }
    }

    /** The one term of a taxonomy among the service's attributes (module type, setting, access). */
    private String one(JsonNode service, HsdsTaxonomies.Taxonomy taxonomy, int row, Progress run) {
        ArrayNode codes = codes(service, taxonomy, row, run);
        if (codes.isEmpty()) {
            throw invalid("[" + row + "].attributes", Messages.get("import.term", row, taxonomy.name()));
        }
        return codes.get(0).asText();
    }

    /**
     * Our codes of a taxonomy's terms among the attributes: by term URI, then code, then name. A method this
     * catalogue does not know yet is added to its methods (methods are data, the other vocabularies reference
     * data), and reported.
     */
    private ArrayNode codes(JsonNode service, HsdsTaxonomies.Taxonomy taxonomy, int row, Progress run) {
        ArrayNode codes = HsdsServices.JSON.createArrayNode();
        Map<String, HsdsTaxonomies.Term> terms = run.terms();
        for (JsonNode attribute : service.path("attributes")) {
            JsonNode term = attribute.path("taxonomy_term");
            Optional<HsdsTaxonomies.Term> ours = Optional.ofNullable(terms.get(attribute.path("taxonomy_term_id").asText("")))
                    .or(() -> terms.values().stream().filter(t -> t.uri().equals(term.path("term_uri").asText()))
                            .findFirst())
                    .filter(t -> t.taxonomy() == taxonomy);
            if (ours.isEmpty() && taxonomy.code().equals(attribute.path("link_type").asText())) {
                ours = terms.values().stream().filter(t -> t.taxonomy() == taxonomy && (t.code().equals(term.path("code").asText())
                        || t.name().equalsIgnoreCase(term.path("name").asText()))).findFirst();
                if (ours.isEmpty() && taxonomy == HsdsTaxonomies.METHOD) {
                    ours = method(term, row, run);
                }
                if (ours.isEmpty()) {
                    throw invalid("[" + row + "].attributes", Messages.get("import.unknownTerm", row, taxonomy.name(),
                            term.path("name").asText(term.path("code").asText("?"))));
                }
            }
            ours.ifPresent(t -> codes.add(t.code()));
        }
        return codes;
    }

    /** A method named by a term, added to our methods when its code is one of ours could be (lower case, hyphens). */
    private Optional<HsdsTaxonomies.Term> method(JsonNode term, int row, Progress run) {
        String code = term.path("code").asText("");
        String name = term.path("name").asText("").strip();
        if (!code.matches("[a-z0-9]+(-[a-z0-9]+)*") || name.isEmpty() || code.length() > 80) {
            return Optional.empty();
        }
        be.hulpwijzer.catalogue.method.Method saved = methods.save(new be.hulpwijzer.catalogue.method.Method(null, code, name, "",
                List.of(), null, null, null));
        HsdsTaxonomies.Term added = new HsdsTaxonomies.Term(HsdsTaxonomies.METHOD, code, name);
        run.terms().put(added.id(), added);
        run.rows().add(new Row(row, "method", added.id(), "created", saved.id()));
        run.counts()[0]++;
        return Optional.of(added);
    }

    private String sector(JsonNode organization, int row) {
        for (JsonNode attribute : organization.path("attributes")) {
            String uri = attribute.path("taxonomy_term").path("term_uri").asText("");
            if (uri.startsWith("urn:hulpwijzer:sector:")) {
                return uri.substring("urn:hulpwijzer:sector:".length());
            }
            String code = attribute.path("taxonomy_term").path("code").asText("");
            if ("sector".equals(attribute.path("link_type").asText()) && reference.codes(reference.sectors()).contains(code)) {
                return code;
            }
        }
        throw invalid("[" + row + "].organization.attributes", Messages.get("import.sector", row));
    }

    private <T> T write(int row, String kind, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.errors().stream().map(error -> new FieldError("[" + row + "]." + kind + "."
                    + error.field(), error.code(), Messages.get("import.row", row, error.message()))).toList());
        }
    }

    /**
     * Keeps the id a Hulpwijzer UUID carries (an export of another instance) when this instance has not come that
     * far yet: the table's identity moves forward to it, never back, so no id is ever given twice. An export,
     * imported into an empty instance and exported again, then publishes the same UUIDs. Other UUIDs (another
     * tool's) get our next id; they are remembered in {@code hsds_import} either way.
     */
    private void keepId(String table, HsdsIds.Kind kind, String uuid) {
        Optional<Long> wanted = HsdsIds.id(kind, uuid).filter(id -> id > 0 && id < (1L << 31));
        if (wanted.isEmpty()) {
            return;
        }
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select setval(pg_get_serial_sequence(?, 'id'), ?, false)
                    where ? > coalesce((select max(id) from %s), 0)
                      and ? > coalesce(pg_sequence_last_value(cast(pg_get_serial_sequence(?, 'id') as regclass)), 0)"""
                    .formatted(table))) {
                ps.setString(1, table);
                ps.setLong(2, wanted.get());
                ps.setLong(3, wanted.get());
                ps.setLong(4, wanted.get());
                ps.setString(5, table);
                ps.execute();
                return null;
            }
        });
    }

    /** The service's {@code last_modified} kept as the module's last change, when it is a time in the past. */
    private void lastModified(long module, String value) {
        java.time.Instant modified;
        try {
            modified = java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return;
        }
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update module set updated_at = ? where id = ? and updated_at <> ? and ? <= now()")) {
                java.sql.Timestamp at = java.sql.Timestamp.from(modified);
                ps.setTimestamp(1, at);
                ps.setLong(2, module);
                ps.setTimestamp(3, at);
                ps.setTimestamp(4, at);
                return ps.executeUpdate();
            }
        });
    }

    /** The entry an HSDS UUID became in an earlier import. */
    private Optional<Long> known(String kind, String uuid) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("select internal_id from hsds_import where kind = ? and uuid = ?")) {
                ps.setString(1, kind);
                ps.setObject(2, UUID.fromString(uuid));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    private boolean sameHash(String kind, String uuid, String hash) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from hsds_import where kind = ? and uuid = ? and content_hash = ?")) {
                ps.setString(1, kind);
                ps.setObject(2, UUID.fromString(uuid));
                ps.setString(3, digest(hash));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private void remember(String kind, String uuid, long id, String hash) {
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into hsds_import (kind, uuid, internal_id, content_hash) values (?, ?, ?, ?)
                    on conflict (kind, uuid) do update set internal_id = excluded.internal_id,
                        content_hash = excluded.content_hash, imported_at = now()""")) {
                ps.setString(1, kind);
                ps.setObject(2, UUID.fromString(uuid));
                ps.setLong(3, id);
                ps.setString(4, digest(hash));
                return ps.executeUpdate();
            }
        });
    }

    private static String hash(JsonNode json) {
        return json.toString();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uuid(String value, int row, String field) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value).toString();
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw invalid("[" + row + "]." + field, Messages.get("import.uuid", row, field, value));
    }

    private static void text(ObjectNode json, String field, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            json.put(field, value.asText());
        }
    }

    static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, "import.invalid", message)));
    }
}
