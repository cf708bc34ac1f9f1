package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.availability.AvailabilityService;
import be.hulpwijzer.catalogue.location.LocationRepository;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.indexer.hsds.HsdsIds.Kind;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.search.SearchParameters;
import be.hulpwijzer.indexer.search.SearchResult;
import be.hulpwijzer.indexer.search.Searcher;
import be.hulpwijzer.indexer.search.WarmingUpException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.value.MutableConvertibleMultiValuesMap;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the HSDS API reads: pages of services and organizations from PostgreSQL, filtered as the parameters ask. */
@Singleton
public class HsdsCatalogue {

    /** How many of the best matches of a {@code search} are filtered and paged. */
    static final int SEARCH_LIMIT = 1000;

    /** The services' filters, combined with AND; a null part does not filter. */
    public record Filter(@Nullable List<Long> searched, @Nullable String termColumn, @Nullable String termCode,
                         @Nullable Long organisation, @Nullable Instant modifiedAfter, boolean methodsOnly) {
    }

    public record Page(long total, List<Long> ids) {
    }

    /** Where a service is offered: a module at one of its organisation's locations. */
    public record Place(long module, long location) {
    }

    /** A page of places. */
    public record Places(long total, List<Place> places) {
    }

    /** The {@code postcode} and {@code proximity} of {@code /service_at_locations}: the zones it lies in, its point, metres. */
    public record Near(List<String> zones, double latitude, double longitude, @Nullable Integer metres) {
    }

    private final JdbcOperations jdbc;
    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final LocationRepository locations;
    private final AvailabilityService availability;
    private final HsdsServices services;
    private final HsdsTaxonomies taxonomies;
    private final IndexManager indexes;
    private final Searcher searcher;
    private final SearchParameters parameters;
    private final Clock clock;
    private final be.hulpwijzer.catalogue.reference.ReferenceData reference;
    private final be.hulpwijzer.catalogue.engagement.EngagementRepository engagements;

    HsdsCatalogue(JdbcOperations jdbc, ModuleRepository modules, OrganisationRepository organisations, LocationRepository locations,
                  AvailabilityService availability, HsdsServices services, HsdsTaxonomies taxonomies, IndexManager indexes,
                  Searcher searcher, SearchParameters parameters, Clock clock, be.hulpwijzer.catalogue.reference.ReferenceData reference,
                  be.hulpwijzer.catalogue.engagement.EngagementRepository engagements) {
        this.engagements = engagements;
        this.reference = reference;
        this.jdbc = jdbc;
        this.modules = modules;
        this.organisations = organisations;
        this.locations = locations;
        this.availability = availability;
        this.services = services;
        this.taxonomies = taxonomies;
        this.indexes = indexes;
        this.searcher = searcher;
        this.parameters = parameters;
        this.clock = clock;
    }

    /** The filter for the parameters as sent; a value that is not one is a 400 naming the parameter. */
    public Filter filter(@Nullable String search, @Nullable String termId, @Nullable String taxonomyId,
                         @Nullable String organisationId, @Nullable String modifiedAfter) throws IOException {
        String column = null;
        String code = null;
        if (present(termId)) {
            uuid(termId, "taxonomy_term_id");
            HsdsTaxonomies.Term term = taxonomies.terms().get(termId.strip().toLowerCase(java.util.Locale.ROOT));
            column = term == null ? "none" : term.taxonomy().code();
            code = term == null ? "" : term.code();
        }
        boolean methodsOnly = false;
        if (present(taxonomyId)) {
            uuid(taxonomyId, "taxonomy_id");
            Optional<HsdsTaxonomies.Taxonomy> taxonomy = taxonomies.taxonomy(taxonomyId.strip());
            if (taxonomy.isEmpty()) {
                column = "none";
                code = "";
            }
            methodsOnly = taxonomy.map(t -> t == HsdsTaxonomies.METHOD).orElse(false);
        }
        Long organisation = null;
        if (present(organisationId)) {
            uuid(organisationId, "organization_id");
            organisation = HsdsIds.id(Kind.ORGANIZATION, organisationId.strip()).orElse(-1L);
        }
        return new Filter(present(search) ? searched(search) : null, column, code, organisation,
                present(modifiedAfter) ? instant(modifiedAfter.strip()) : null, methodsOnly);
    }

    /** A page of the published services (every module that has not ended), by search rank or by id. */
    @Connectable
    public Page services(Filter filter, int page, int size) {
        String where = """
                from module m join organisation o on o.id = m.organisation_id left join availability a on a.module_id = m.id
                where m.status <> 'ended'
                """ + conditions(filter);
        return jdbc.execute(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) " + where)) {
                bind(c, ps, filter);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select m.id " + where
                    + " order by coalesce(array_position(cast(? as bigint[]), m.id), 0), m.id limit ? offset ?")) {
                int next = bind(c, ps, filter);
                ps.setArray(next, filter.searched() == null ? null : c.createArrayOf("bigint", filter.searched().toArray()));
                ps.setInt(next + 1, size);
                ps.setLong(next + 2, (long) (page - 1) * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return new Page(total, ids);
        });
    }

    /** The postcode's zones and point, and the proximity in metres (only with a postcode); 400s naming the parameter. */
    public @Nullable Near near(@Nullable String postcode, @Nullable String proximity) {
        if (!present(postcode)) {
            if (present(proximity)) {
                throw HsdsController.invalid("proximity", Messages.get("hsds.proximityNeedsPostcode"));
            }
            return null;
        }
        String code = postcode.strip();
        var point = code.matches("\\d{4}") ? reference.postcodePoints().get(code) : null;
        List<String> zones = code.matches("\\d{4}") ? reference.postcode(code).stream()
                .map(be.hulpwijzer.catalogue.reference.PostcodePlace::zoneCode).distinct().toList() : List.of();
        if (point == null || zones.isEmpty()) {
            throw HsdsController.invalid("postcode", Messages.get("postcode.unknown", code));
        }
        Integer metres = null;
        if (present(proximity)) {
            if (!proximity.strip().matches("\\d{1,7}")) {
                throw HsdsController.invalid("proximity", Messages.get("hsds.number", "proximity", 9_999_999));
            }
            metres = Integer.parseInt(proximity.strip());
        }
        return new Near(zones, point.latitude(), point.longitude(), metres);
    }

    /**
     * A page of places where services are offered: the services' filters, and near a postcode (a service for one
     * of its zones; within {@code proximity} metres of its point when given). A confidential location is placed
     * at its postcode's point, as for search.
     */
    @Connectable
    public Places places(Filter filter, @Nullable Near near, int page, int size) {
        String where = """
                from module m join organisation o on o.id = m.organisation_id left join availability a on a.module_id = m.id
                join location l on l.organisation_id = m.organisation_id left join postcode_point p on p.postcode = l.postcode
                where m.status <> 'ended'
                """ + conditions(filter) + """
                  and (cast(? as text[]) is null or m.zones && cast(? as text[]))
                  and (cast(? as integer) is null or 6371000 * 2 * asin(sqrt(
                        power(sin(radians(coalesce(case when not l.confidential then l.latitude end, p.latitude) - ?) / 2), 2)
                        + cos(radians(?)) * cos(radians(coalesce(case when not l.confidential then l.latitude end, p.latitude)))
                        * power(sin(radians(coalesce(case when not l.confidential then l.longitude end, p.longitude) - ?) / 2), 2)))
                        <= cast(? as integer))""";
        return jdbc.execute(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) " + where)) {
                bindNear(c, ps, bind(c, ps, filter), near);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Place> places = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select m.id, l.id " + where + " order by m.id, l.id limit ? offset ?")) {
                int next = bindNear(c, ps, bind(c, ps, filter), near);
                ps.setInt(next, size);
                ps.setLong(next + 1, (long) (page - 1) * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        places.add(new Place(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return new Places(total, places);
        });
    }

    private static int bindNear(java.sql.Connection c, PreparedStatement ps, int from, @Nullable Near near) throws java.sql.SQLException {
        java.sql.Array zones = near == null ? null : c.createArrayOf("text", near.zones().toArray());
        ps.setArray(from, zones);
        ps.setArray(from + 1, zones);
        Integer metres = near == null ? null : near.metres();
        ps.setObject(from + 2, metres, java.sql.Types.INTEGER);
        ps.setDouble(from + 3, near == null ? 0 : near.latitude());
        ps.setDouble(from + 4, near == null ? 0 : near.latitude());
        ps.setDouble(from + 5, near == null ? 0 : near.longitude());
        ps.setObject(from + 6, metres, java.sql.Types.INTEGER);
        return from + 7;
    }

    /** One place: the link with its location nested, and the service as a list item. */
    public java.util.Optional<ObjectNode> place(long module, long location) {
        return modules.findById(module).filter(m -> !"ended".equals(m.status()))
                .flatMap(m -> locations.findById(location).filter(l -> l.organisationId() == m.organisationId())
                        .map(l -> services.place(m, availability.current(module).orElse(null), l)));
    }

    @Connectable
    public Page organizations(int page, int size) {
        return jdbc.execute(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from organisation");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from organisation order by id limit ? offset ?")) {
                ps.setInt(1, size);
                ps.setLong(2, (long) (page - 1) * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return new Page(total, ids);
        });
    }

    public boolean published(long moduleId) {
        return modules.findById(moduleId).filter(m -> !"ended".equals(m.status())).isPresent();
    }

    public ObjectNode listItem(long id) {
        HelpModule m = modules.get(id);
        return services.listItem(m, availability.current(id).orElse(null));
    }

    public ObjectNode minimal(long id) {
        ObjectNode full = listItem(id);
        ObjectNode minimal = HsdsServices.JSON.createObjectNode();
        minimal.set("id", full.get("id"));
        minimal.set("last_modified", full.get("last_modified"));
        return minimal;
    }

    public ObjectNode service(long id) {
        HelpModule m = modules.get(id);
        return services.full(m, availability.current(id).orElse(null), organisations.get(m.organisationId()),
                locations.findByOrganisationIdOrderByName(m.organisationId()));
    }

    /**
     * Fully nested services for a batch of module ids, in id order, read with four queries for the whole batch
     * (an export of a million modules reads them a batch at a time).
     */
    @Connectable
    public List<ObjectNode> services(java.util.Collection<Long> ids) {
        List<HelpModule> batch = modules.findByIdInOrderById(ids);
        java.util.Map<Long, be.hulpwijzer.catalogue.availability.AvailabilityView> current = availability.current(ids);
        java.util.Set<Long> organisationIds = new java.util.LinkedHashSet<>();
        batch.forEach(m -> organisationIds.add(m.organisationId()));
        java.util.Map<Long, be.hulpwijzer.catalogue.organisation.Organisation> owners = new java.util.HashMap<>();
        organisations.findByIdIn(organisationIds).forEach(o -> owners.put(o.id(), o));
        java.util.Map<Long, List<be.hulpwijzer.catalogue.location.Location>> places = new java.util.HashMap<>();
        locations.findByOrganisationIdInOrderByName(organisationIds)
                .forEach(l -> places.computeIfAbsent(l.organisationId(), k -> new ArrayList<>()).add(l));
        List<ObjectNode> full = new ArrayList<>(batch.size());
        for (HelpModule m : batch) {
            full.add(services.full(m, current.get(m.id()), owners.get(m.organisationId()),
                    places.getOrDefault(m.organisationId(), List.of())));
        }
        return full;
    }

    /** A batch of organizations with their engagements ({@code x_engagements}), in id order. */
    @Connectable
    public List<ObjectNode> organizations(java.util.Collection<Long> ids) {
        java.util.Map<Long, List<be.hulpwijzer.catalogue.engagement.Engagement>> engaged = new java.util.HashMap<>();
        engagements.findByOrganisationIdInOrderById(ids)
                .forEach(e -> engaged.computeIfAbsent(e.organisationId(), k -> new ArrayList<>()).add(e));
        return organisations.findByIdIn(ids).stream().sorted(java.util.Comparator.comparingLong(
                        be.hulpwijzer.catalogue.organisation.Organisation::id))
                .map(o -> services.organization(o, engaged.getOrDefault(o.id(), List.of()))).toList();
    }

    public ObjectNode organization(long id) {
        return organizations(List.of(id)).get(0);
    }

    public Optional<ObjectNode> findOrganization(long id) {
        return organizations(List.of(id)).stream().findFirst();
    }

    /** The best {@link #SEARCH_LIMIT} matches of our Dutch search, in rank order. */
    private List<Long> searched(String text) throws IOException {
        List<Long> ids = new ArrayList<>();
        var index = indexes.current().orElseThrow(WarmingUpException::new);
        for (int page = 1; ids.size() < SEARCH_LIMIT; page++) {
            MutableConvertibleMultiValuesMap<String> query = new MutableConvertibleMultiValuesMap<>();
            query.add("q", text);
            query.add("page", String.valueOf(page));
            query.add("size", "100");
            SearchParameters.Parsed parsed = parameters.parse(query);
            SearchResult result = searcher.search(index, parsed.request(), parsed.understood(), clock.instant());
            result.hits().forEach(hit -> ids.add(hit.id()));
            if (result.hits().size() < 100 || (long) page * 100 >= result.total()) {
                break;
            }
        }
        return ids;
    }

    /** The services' filters on {@code m} (module), {@code o} (organisation) and {@code a} (availability), bound by {@link #bind}. */
    private static String conditions(Filter filter) {
        return """
                  and (cast(? as bigint) is null or m.organisation_id = cast(? as bigint))
                  and (cast(? as timestamptz) is null or greatest(m.updated_at, a.confirmed_at) > cast(? as timestamptz))
                  and (cast(? as bigint[]) is null or m.id = any(cast(? as bigint[])))
                  and (not ? or cardinality(m.methods) > 0)
                  and %s
                """.formatted(termCondition(filter.termColumn()));
    }

    /** The condition of a taxonomy term on a module, its code bound twice (so every branch has two parameters). */
    private static String termCondition(@Nullable String taxonomy) {
        if (taxonomy == null) {
            return "(cast(? as text) is null or cast(? as text) is null)";
        }
        return switch (taxonomy) {
            case "module-type" -> "(m.type = cast(? as text) and m.type = cast(? as text))";
            case "setting" -> "(m.setting = cast(? as text) and m.setting = cast(? as text))";
            case "access" -> "(m.access = cast(? as text) and m.access = cast(? as text))";
            case "life-domain" -> "(cast(? as text) = any(m.life_domains) and cast(? as text) = any(m.life_domains))";
            case "method" -> "(cast(? as text) = any(m.methods) and cast(? as text) = any(m.methods))";
            case "zone" -> "(cast(? as text) = any(m.zones) and cast(? as text) = any(m.zones))";
            case "sector" -> "(o.sector = cast(? as text) and o.sector = cast(? as text))";
            default -> "(false and cast(? as text) is null and cast(? as text) is null)";
        };
    }

    private static int bind(java.sql.Connection c, PreparedStatement ps, Filter filter) throws java.sql.SQLException {
        ps.setObject(1, filter.organisation(), java.sql.Types.BIGINT);
        ps.setObject(2, filter.organisation(), java.sql.Types.BIGINT);
        Timestamp after = filter.modifiedAfter() == null ? null : Timestamp.from(filter.modifiedAfter());
        ps.setTimestamp(3, after);
        ps.setTimestamp(4, after);
        java.sql.Array searched = filter.searched() == null ? null : c.createArrayOf("bigint", filter.searched().toArray());
        ps.setArray(5, searched);
        ps.setArray(6, searched);
        ps.setBoolean(7, filter.methodsOnly());
        ps.setString(8, filter.termCode());
        ps.setString(9, filter.termCode());
        return 10;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static void uuid(String value, String name) {
        try {
            java.util.UUID.fromString(value.strip());
            if (value.strip().length() != 36) {
                throw new IllegalArgumentException(value);
            }
        } catch (IllegalArgumentException e) {
            throw HsdsController.invalid(name, Messages.get("hsds.uuid", name));
        }
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw HsdsController.invalid("modified_after", Messages.get("hsds.dateTime", "modified_after"));
        }
    }
}
