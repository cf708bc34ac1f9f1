package be.hulpwijzer.catalogue.db;

import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.seed.demo.DemoCatalogue;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCatalogueTest implements PostgresTest {

    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver resolver;
    @Inject
    Fixtures fixtures;

    boolean loaded;

    @BeforeAll
    void loadDemo() throws SQLException {
        fixtures.clean();
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            c.createStatement().execute("delete from seed_state where name = 'demo-catalogue'");
            loaded = DemoCatalogue.loadOnFirstStart(c, Instant.parse("2026-11-22T09:00:00Z"));
        }
    }

    @AfterAll
    void cleanUp() {
        fixtures.clean();
    }

    @Test
    void demoHasAtLeast150OrganisationsAnd600ModulesAllMarkedAsDemo() throws SQLException {
        assertThat(loaded).isTrue();
        assertThat(number("select count(*) from organisation")).isGreaterThanOrEqualTo(150);
        assertThat(number("select count(*) from organisation where not demo")).isZero();
        assertThat(number("select count(*) from module")).isGreaterThanOrEqualTo(600);
    }

    @Test
    void aBasiswerkerInBruggeFindsEngagementsInForceWithAContactAndTheirModules() throws SQLException {
        assertThat(number("""
                select count(*) from engagement where 'brugge' = any(zones) and valid_from <= date '2026-11-22'
                  and (valid_to is null or valid_to >= date '2026-11-22') and contact_name is not null
                  and cardinality(module_ids) > 0""")).isPositive();
        assertThat(number("select count(*) from location where not confidential and cardinality(opening_hours) > 0")).isPositive();
    }

    @Test
    void everyZoneHasABelievableOfferTheCitiesMoreAndWestVlaanderenTheMostPerZone() throws SQLException {
        assertThat(number("""
                select count(*) from zone z where z.valid_to is null
                  and (select count(*) from module m where z.code = any(m.zones)) < 8""")).as("zones with fewer than 8 modules").isZero();
        for (String city : new String[]{"gent", "bruzel", "antwerpen-centrum", "antwerpen-oost", "antwerpen-zuid", "leuven"}) {
            assertThat(number("select count(*) from module where '" + city + "' = any(zones)")).as(city).isGreaterThanOrEqualTo(15);
        }
        assertThat(number("""
                select (select count(*) from module m join zone z on z.code = any(m.zones) where z.province = 'West-Vlaanderen')
                       / (select count(*) from zone where province = 'West-Vlaanderen' and valid_to is null)
                     - (select count(*) from module m join zone z on z.code = any(m.zones) where z.province = 'Limburg')
                       / (select count(*) from zone where province = 'Limburg' and valid_to is null)""")).as("West-Vlaanderen densest")
                .isPositive();
    }

    @Test
    void everyProvinceAndBrusselsHasOffer_WestVlaanderenTheMost() throws SQLException {
        Map<String, Long> perProvince = new HashMap<>();
        try (Connection c = resolver.resolve(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     select z.province, count(distinct m.id) from module m join zone z on z.code = m.zones[1]
                     group by z.province""")) {
            while (rs.next()) {
                perProvince.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(perProvince).containsKeys("Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant",
                "West-Vlaanderen", "Brussels Hoofdstedelijk Gewest");
        long west = perProvince.get("West-Vlaanderen");
        assertThat(perProvince.values()).allMatch(count -> count <= west);
        assertThat(number("select count(*) from module where 'westhoek' = any(zones)")).isPositive();
        assertThat(number("select count(*) from module where 'middenkust' = any(zones)")).isPositive();
    }

    @Test
    void availabilityMixesFreeWaitingClosedAndStaleWithHistory() throws SQLException {
        for (String state : new String[]{"free", "waiting", "closed", "unknown"}) {
            assertThat(number("select count(*) from availability where state = '" + state + "'")).as(state).isPositive();
        }
        assertThat(number("select count(*) from availability where confirmed_at < timestamptz '2026-10-23'")).isPositive();
        assertThat(number("select count(*) from module m where not exists (select 1 from availability a where a.module_id = m.id)")).isPositive();
        assertThat(number("select count(distinct module_id) from availability_history where recorded_at < timestamptz '2026-06-01'")).isPositive();
    }

    @Test
    void engagementsMethodsAndValidReferencesArePresent() throws SQLException {
        assertThat(number("select count(*) from engagement")).isGreaterThan(30);
        assertThat(number("select count(*) from method")).isGreaterThanOrEqualTo(10);
        assertThat(number("select count(*) from module m where exists (select 1 from unnest(m.zones) z where z not in (select code from zone))")).isZero();
        assertThat(number("select count(*) from module m where exists (select 1 from unnest(m.methods) x where x not in (select code from method))")).isZero();
        assertThat(number("select count(*) from module where age_min_months = -9")).isPositive();
        assertThat(number("select count(*) from module where age_max_months is null")).isPositive();
    }

    @Test
    void secondStartDoesNotLoadItAgain() throws SQLException {
        try (Connection c = resolver.resolve(dataSource).getConnection()) {
            assertThat(DemoCatalogue.loadOnFirstStart(c, Instant.now())).isFalse();
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = resolver.resolve(dataSource).getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
