package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * For random combinations of filters over a generated catalogue, the modules the index returns are
 * exactly the modules the same filters select in SQL on PostgreSQL, and each facet's counts are those SQL
 * finds among the modules selected by the other choices (a chosen value still shows its siblings).
 */
class SearchMatchesSqlTest {

    private static ApplicationContext context;
    private static DataSource dataSource;
    private static Searcher searcher;
    private static IndexManager indexes;
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @BeforeContainer
    static void generateCatalogueAndIndex() throws Exception {
        context = ApplicationContext.run(new java.util.HashMap<String, Object>(new SearchTest() { }.getProperties()), "test");
        dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection(); var st = connection.createStatement()) {
            st.execute("truncate organisation, method restart identity cascade");
            CatalogueLoader.load(connection, new CatalogueLoader.Size(60, 400, false), 7L, NOW);
            // a few modules ended or paused: they must never be found
            st.execute("update module set status = 'paused' where id % 17 = 0");
            // some locations with coordinates of their own, some of those confidential
            st.execute("update location set latitude = 50.75 + (id % 80) / 100.0, longitude = 2.6 + (id % 330) / 100.0 where id % 3 = 0");
            st.execute("update location set confidential = true where id % 5 = 0");
        }
        searcher = context.getBean(Searcher.class);
        indexes = context.getBean(IndexManager.class);
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    }

    @AfterContainer
    static void close() {
        context.close();
    }

    @Property(tries = 300)
    void luceneFindsExactlyWhatSqlSelects(@ForAll("requests") SearchRequest request) throws Exception {
        Set<Long> lucene = lucene(request);
        Set<Long> sql = sql(request);
        Set<Long> missing = new HashSet<>(sql);
        missing.removeAll(lucene);
        Set<Long> extra = new HashSet<>(lucene);
        extra.removeAll(sql);
        assertThat(missing).as("selected by SQL, not found by Lucene: " + request).isEmpty();
        assertThat(extra).as("found by Lucene, not selected by SQL: " + request + describe(extra)).isEmpty();
    }

    @Property(tries = 120)
    void facetCountsAreWhatSqlCountsUnderTheOtherChoices(@ForAll("requests") SearchRequest request) throws Exception {
        SearchResult result = searcher.search(indexes.current().orElseThrow(), request, SearchResult.Understood.NOTHING, NOW);
        for (String dimension : List.of("zone", "domain", "type", "access", "sector", "availability")) {
            Map<String, Long> found = new HashMap<>();
            result.facets().get(dimension).forEach(v -> found.put(v.value(), v.count()));
            assertThat(found).as(dimension + " counts for " + request).isEqualTo(sqlCounts(dimension, sql(without(request, dimension))));
        }
    }

    @Property(tries = 60)
    void sortedByDistanceEveryHitIsAsFarAsSqlMeasuresItsNearestLocationAndNoNearerOneFollows(
            @ForAll("requests") SearchRequest filters, @ForAll("postcodes") String postcode) throws Exception {
        double[] origin = postcodePoint(postcode);
        SearchRequest request = new SearchRequest("", filters.ageMonths(), filters.ageToMonths(), filters.zones(), filters.domains(),
                filters.types(), filters.access(), filters.settings(), filters.sectors(), filters.methods(),
                filters.languages(), filters.availableNow(), filters.maxWaitWeeks(), filters.includeUnknown(),
                SearchRequest.Sort.DISTANCE, new SearchRequest.Origin(origin[0], origin[1]), 1, SearchRequest.MAX_SIZE);
        List<SearchResult.Hit> hits = searcher.search(indexes.current().orElseThrow(), request, SearchResult.Understood.NOTHING, NOW).hits();
        Map<Long, Double> sql = nearestKm(sql(request), origin);
        double previous = 0;
        for (SearchResult.Hit hit : hits) {
            Double expected = sql.get(hit.id());
            if (expected == null) {
                assertThat(hit.distanceKm()).as("module %d has no location", hit.id()).isNull();
                previous = Double.POSITIVE_INFINITY;
                continue;
            }
            assertThat(hit.distanceKm()).as("module %d from %s", hit.id(), postcode).isCloseTo(expected, within(0.06));
            assertThat(expected).as("module %d comes after one further away", hit.id()).isGreaterThanOrEqualTo(previous - 0.001);
            previous = expected;
        }
        // what is not on the first page is no nearer than its last hit
        if (!hits.isEmpty() && hits.size() == SearchRequest.MAX_SIZE && !Double.isInfinite(previous)) {
            Set<Long> shown = new HashSet<>();
            hits.forEach(h -> shown.add(h.id()));
            double last = previous;
            sql.forEach((id, km) -> assertThat(shown.contains(id) || km >= last - 0.001)
                    .as("module %d at %.2f km is missing before %.2f km", id, km, last).isTrue());
        }
    }

    @Provide
    Arbitrary<String> postcodes() {
        return Arbitraries.of("8000", "8400", "8500", "8900", "9000", "2000", "2100", "3000", "3500", "1000", "1700", "9300");
    }

    private static double[] postcodePoint(String postcode) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("select latitude, longitude from postcode_point where postcode = ?")) {
            ps.setString(1, postcode);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("point of " + postcode).isTrue();
                return new double[]{rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    /**
     * Kilometres from the origin to each module's nearest location, by the haversine formula in SQL: a
     * location's own point unless it is confidential or has none, else its postcode's point.
     */
    private static Map<Long, Double> nearestKm(Set<Long> modules, double[] origin) throws Exception {
        Map<Long, Double> result = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement("""
                with points as (
                  select m.id, case when l.confidential or l.latitude is null then p.latitude else l.latitude end lat,
                         case when l.confidential or l.latitude is null then p.longitude else l.longitude end lon
                  from module m join location l on l.organisation_id = m.organisation_id
                  left join postcode_point p on p.postcode = l.postcode where m.id = any(?))
                select id, min(2 * 6371.0087714 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2)
                       + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lon - ?) / 2), 2))))
                from points where lat is not null group by id""")) {
            ps.setArray(1, connection.createArrayOf("bigint", modules.toArray()));
            ps.setDouble(2, origin[0]);
            ps.setDouble(3, origin[0]);
            ps.setDouble(4, origin[1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return result;
    }

    /** The request without its choice in one facet dimension. */
    private static SearchRequest without(SearchRequest r, String dimension) {
        boolean freeNowChosen = r.availableNow() && !r.includeUnknown() && r.maxWaitWeeks() == null;
        return new SearchRequest(r.text(), r.ageMonths(), r.ageToMonths(), dimension.equals("zone") ? Set.of() : r.zones(),
                dimension.equals("domain") ? Set.of() : r.domains(), dimension.equals("type") ? Set.of() : r.types(),
                dimension.equals("access") ? Set.of() : r.access(), r.settings(),
                dimension.equals("sector") ? Set.of() : r.sectors(), r.methods(), r.languages(),
                r.availableNow() && !(dimension.equals("availability") && freeNowChosen), r.maxWaitWeeks(),
                r.includeUnknown(), r.sort(), r.origin(), r.page(), r.size());
    }

    /** How many of these modules have each value of the dimension, counted in SQL. */
    private static Map<String, Long> sqlCounts(String dimension, Set<Long> ids) throws Exception {
        String values = switch (dimension) {
            case "zone" -> "m.zones";
            case "domain" -> "m.life_domains";
            case "type" -> "array[m.type]";
            case "access" -> "array[m.access]";
            case "sector" -> "array[o.sector]";
            default -> "array[coalesce(a.state, 'unknown')]";
        };
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("select v, count(*) from module m join organisation o on "
                     + "o.id = m.organisation_id left join availability a on a.module_id = m.id, unnest(" + values
                     + ") v where m.id = any(?) group by v")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    @Provide
    Arbitrary<SearchRequest> requests() {
        Arbitrary<Integer> age = Arbitraries.integers().between(-9, 320).injectNull(0.4);
        Arbitrary<Integer> ageSpan = Arbitraries.integers().between(0, 120).injectNull(0.5);
        Arbitrary<Set<String>> zones = Arbitraries.of("brugge", "westhoek", "oostkust", "middenkust", "bruzel",
                "antwerpen-oost", "gent", "leuven").set().ofMaxSize(2);
        Arbitrary<Set<String>> domains = Arbitraries.of("gezin-opvoeding", "psychisch-welzijn", "school-leren",
                "wonen", "geld-financien", "justitie-veiligheid").set().ofMaxSize(2);
        Arbitrary<Set<String>> types = Arbitraries.of("consult", "contextbegeleiding", "crisisopvang", "verblijf",
                "groepswerking", "opvoedingsondersteuning").set().ofMaxSize(2);
        Arbitrary<Set<String>> access = Arbitraries.of("rtj", "nrtj", "crisis", "vrij").set().ofMaxSize(1);
        Arbitrary<Set<String>> settings = Arbitraries.of("mobiel", "ambulant", "residentieel").set().ofMaxSize(1);
        Arbitrary<Set<String>> sectors = Arbitraries.of("cgg", "caw", "ckg", "jeugdhulp", "ocmw").set().ofMaxSize(1);
        Arbitrary<Set<String>> languages = Arbitraries.of("nl", "fr", "en").set().ofMaxSize(1);
        Arbitrary<Integer> maxWait = Arbitraries.integers().between(0, 30).injectNull(0.6);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(Combinators.combine(age, ageSpan, zones, domains, types).as((a, s, b, c, d) ->
                        java.util.Arrays.<Object>asList(a, a == null || s == null ? null : a + s, b, c, d)),
                Combinators.combine(access, settings, sectors, languages).as((a, b, c, d) -> java.util.Arrays.<Object>asList(a, b, c, d)),
                Combinators.combine(flag, maxWait, flag).as((a, b, c) -> java.util.Arrays.<Object>asList(a, b, c))).as(SearchMatchesSqlTest::request);
    }

    @SuppressWarnings("unchecked")
    private static SearchRequest request(List<Object> what, List<Object> how, List<Object> availability) {
        return new SearchRequest("", (Integer) what.get(0), (Integer) what.get(1), (Set<String>) what.get(2),
                (Set<String>) what.get(3), (Set<String>) what.get(4), (Set<String>) how.get(0), (Set<String>) how.get(1), (Set<String>) how.get(2),
                Set.of(), (Set<String>) how.get(3), (Boolean) availability.get(0), (Integer) availability.get(1),
                (Boolean) availability.get(2), SearchRequest.Sort.WAIT, null, 1, SearchRequest.MAX_SIZE);
    }

    private static Set<Long> lucene(SearchRequest request) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchRequest paged = new SearchRequest("", request.ageMonths(), request.ageToMonths(), request.zones(), request.domains(),
                    request.types(), request.access(), request.settings(), request.sectors(), request.methods(),
                    request.languages(), request.availableNow(), request.maxWaitWeeks(), request.includeUnknown(),
                    request.sort(), request.origin(), page, request.size());
            SearchResult result = searcher.search(indexes.current().orElseThrow(), paged, SearchResult.Understood.NOTHING, NOW);
            result.hits().forEach(hit -> ids.add(hit.id()));
            if (result.hits().size() < request.size()) {
                assertThat((long) ids.size()).isEqualTo(result.total());
                return ids;
            }
        }
    }

    /** The same filters written independently in SQL. */
    private static Set<Long> sql(SearchRequest r) throws Exception {
        StringBuilder where = new StringBuilder("m.status = 'active'");
        List<Object> args = new ArrayList<>();
        if (r.ageMonths() != null) {
            int upTo = r.ageToMonths() != null ? r.ageToMonths() : r.ageMonths();
            where.append(" and m.age_min_months <= ? and (m.age_max_months is null or m.age_max_months >= ?)");
            args.add(upTo);
            args.add(r.ageMonths());
        }
        overlap(where, args, "m.zones", r.zones());
        overlap(where, args, "m.life_domains", r.domains());
        overlap(where, args, "array[m.type]", r.types());
        overlap(where, args, "array[m.access]", r.access());
        overlap(where, args, "array[m.setting]", r.settings());
        overlap(where, args, "array[o.sector]", r.sectors());
        overlap(where, args, "m.languages", r.languages());
        // a module without availability information is "unknown"
        String waitDays = "case a.state when 'free' then 0 when 'waiting' then coalesce(a.expected_wait_days, 2147483646)"
                + " else 2147483647 end";
        if (r.availableNow() && !r.includeUnknown() && r.maxWaitWeeks() == null) {
            where.append(" and a.state = 'free'");
        } else if (r.maxWaitWeeks() != null || (r.availableNow() && r.includeUnknown())) {
            int max = r.availableNow() ? 0 : r.maxWaitWeeks() * 7;
            where.append(" and (").append(waitDays).append(" between 0 and ").append(max)
                    .append(r.includeUnknown() ? " or coalesce(a.state, 'unknown') = 'unknown')" : ")");
        }
        Set<Long> ids = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("select m.id from module m join organisation o on "
                     + "o.id = m.organisation_id left join availability a on a.module_id = m.id where " + where)) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                ps.setObject(i + 1, arg instanceof String[] array ? connection.createArrayOf("text", array) : arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The database's view of some modules, to make a failure readable. */
    private static String describe(Set<Long> ids) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("select m.id, m.status, a.state, a.expected_wait_days "
                     + "from module m left join availability a on a.module_id = m.id where m.id = any(?) limit 5")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append("\n  module ").append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ')
                            .append(rs.getString(3)).append(' ').append(rs.getObject(4));
                }
            }
        }
        return out.toString();
    }

    private static void overlap(StringBuilder where, List<Object> args, String column, Set<String> values) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" && ?::text[]");
            args.add(values.toArray(String[]::new));
        }
    }
}
