package be.hulpwijzer.catalogue.report;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** The waiting overview's figures against a fixture computed by hand. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingReportTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    WaitingTrend trend;
    @Inject
    WaitingFigures figures;

    Api api;
    long organisation;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        api = Api.admin(client);
        organisation = api.post("/api/v1/organisations", organisation("CGG Brugge")).id();
    }

    @Test
    void noDataGivesNoRows() {
        assertThat(report("")).isEmpty();
    }

    @Test
    void oneModuleIsItsOwnMedianAndPercentile() {
        module("consult", 144, 215, "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 45}");
        JsonNode rows = report("?zone=brugge");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("ageBand").asText()).isEqualTo("12-17");
        assertThat(row.get("modules").asInt()).isEqualTo(1);
        assertThat(row.get("freeNow").asInt()).isZero();
        assertThat(row.get("medianWaitDays").asDouble()).isEqualTo(45.0);
        assertThat(row.get("p90WaitDays").asDouble()).isEqualTo(45.0);
    }

    @Test
    void figuresMatchTheHandComputedFixture() {
        // zone brugge, psychisch welzijn, consult, 12-17: waits 0 (free), 30, 90; one unknown; one stale
        module("consult", 144, 215, "{\"state\": \"free\", \"freePlaces\": 2}");
        module("consult", 144, 215, "{\"state\": \"waiting\", \"waiting\": 2, \"expectedWaitDays\": 30}");
        long stale = module("consult", 144, 215, "{\"state\": \"waiting\", \"waiting\": 9, \"expectedWaitDays\": 90}");
        module("consult", 144, 215, "{\"state\": \"unknown\"}");
        sql.run("update availability set confirmed_at = now() - interval '40 days' where module_id = " + stale);
        // a module from 4 to 17 years counts in both the 4-11 and the 12-17 band
        module("consult", 48, 215, "{\"state\": \"closed\"}");

        JsonNode rows = report("?zone=brugge&domain=psychisch-welzijn&type=consult&ageBand=12-17");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("modules").asInt()).isEqualTo(5);
        assertThat(row.get("freeNow").asInt()).isEqualTo(1);
        // waits known: 0, 30, 90 (closed and unknown have none): median 30, p90 = 30 + 0.8 × (90 − 30) = 78
        assertThat(row.get("medianWaitDays").asDouble()).isEqualTo(30.0);
        assertThat(row.get("p90WaitDays").asDouble()).isEqualTo(78.0);
        assertThat(row.get("stale").asInt()).isEqualTo(1);

        JsonNode younger = report("?zone=brugge&ageBand=4-11");
        assertThat(younger).hasSize(1);
        assertThat(younger.get(0).get("modules").asInt()).isEqualTo(1);
        assertThat(younger.get(0).get("medianWaitDays").isNull()).isTrue();
        String csv = client.toBlocking().retrieve("/api/v1/reports/waiting/csv?zone=brugge&ageBand=12-17");
        assertThat(csv.lines()).containsExactly(
                "zone,life_domain,type,age_band,modules,free_now,median_wait_days,p90_wait_days,stale",
                "brugge,psychisch-welzijn,consult,12-17,5,1,30.0,78.0,1");
        // the fixture's modules serve brugge and oostkust: a province filter finds both zones
        assertThat(report("?province=West-Vlaanderen&ageBand=12-17")).hasSize(2);

        // the heat map cell counts every module once, whatever bands its ages span
        WaitingFigures.Cell cell = figures.cells(java.util.List.of("brugge")).get(0);
        assertThat(cell.lifeDomain()).isEqualTo("psychisch-welzijn");
        assertThat(cell.modules()).isEqualTo(5);
        assertThat(cell.freeNow()).isEqualTo(1);
        assertThat(cell.medianWaitDays()).isEqualTo(30.0);
        assertThat(cell.stale()).isEqualTo(1);
    }

    @Test
    void theTrendIsComputedOncePerRefreshOfTheFigures() {
        long module = module("consult", 144, 215, "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 45}");
        figures.refresh();
        assertThat(lastWeek()).isEqualTo(45.0);
        api.put("/api/v1/modules/" + module + "/availability", "{\"version\": 0, \"state\": \"waiting\", \"waiting\": 5, \"expectedWaitDays\": 90}");
        assertThat(lastWeek()).as("until the next refresh").isEqualTo(45.0);
        figures.refresh();
        assertThat(lastWeek()).isEqualTo(90.0);
    }

    private Double lastWeek() {
        java.util.List<WaitingTrend.Week> weeks = trend.weeks("brugge", "psychisch-welzijn");
        return weeks.get(weeks.size() - 1).medianWaitDays();
    }

    @Test
    void theFiguresAreOutdatedAfterAChangeUntilTheyAreRefreshed() {
        module("consult", 144, 215, "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 45}");
        assertThat(report("?zone=brugge").get(0).get("medianWaitDays").asDouble()).isEqualTo(45.0);
        assertThat(figures.outdated()).isFalse();

        long second = module("consult", 144, 215, "{\"state\": \"free\", \"freePlaces\": 1}");
        assertThat(figures.outdated()).isTrue();
        assertThat(Api.anonymous(client).get("/api/v1/reports/waiting?zone=brugge").body().get(0).get("modules").asInt())
                .as("read before the refresh").isEqualTo(1);
        assertThat(report("?zone=brugge").get(0).get("modules").asInt()).isEqualTo(2);
        assertThat(figures.computedAt()).isNotNull();
        assertThat(second).isPositive();
    }

    @Test
    void theTrendCountsEachModuleAsItStoodAtTheEndOfEachWeek() {
        java.time.Instant now = java.time.Instant.now();
        long first = module("consult", 144, 215, "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 30, "
                + "\"confirmedAt\": \"" + now.minus(java.time.Duration.ofDays(28)) + "\"}");
        api.put("/api/v1/modules/" + first + "/availability", "{\"version\": 0, \"state\": \"waiting\", \"waiting\": 6, "
                + "\"expectedWaitDays\": 60, \"confirmedAt\": \"" + now.minus(java.time.Duration.ofDays(7)) + "\"}");
        module("consult", 144, 215, "{\"state\": \"free\", \"freePlaces\": 1}");

        figures.refresh();
        java.util.List<WaitingTrend.Week> weeks = trend.weeks("brugge", "psychisch-welzijn");
        assertThat(weeks).hasSize(52);
        java.util.Map<Integer, Double> medianWeeksAgo = new java.util.HashMap<>();
        for (int i = 0; i < weeks.size(); i++) {
            medianWeeksAgo.put(weeks.size() - 1 - i, weeks.get(i).medianWaitDays());
        }
        assertThat(medianWeeksAgo.get(10)).as("before any information").isNull();
        assertThat(medianWeeksAgo.get(3)).as("only the first module: 30 days").isEqualTo(30.0);
        // this week: 60 days and room now (0): median 30
        assertThat(medianWeeksAgo.get(0)).isEqualTo(30.0);
        assertThat(weeks.get(51).modules()).isEqualTo(2);
    }

    @Test
    void unknownFiltersAreRefusedNamingThem() {
        Api.Reply reply = api.get("/api/v1/reports/waiting?zone=atlantis&ageBand=99-100&province=Utopia");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).contains("zone", "ageBand", "province");
    }

    private long module(String type, int min, int max, String availability) {
        long id = api.post("/api/v1/organisations/" + organisation + "/modules", """
                {"title": "Module", "description": "Hulp.", "type": "%s", "setting": "ambulant", "access": "rtj",
                 "ageMinMonths": %d, "ageMaxMonths": %d, "lifeDomains": ["psychisch-welzijn"], "zones": ["brugge", "oostkust"]}"""
                .formatted(type, min, max)).id();
        api.put("/api/v1/modules/" + id + "/availability", availability);
        return id;
    }

    private JsonNode report(String query) {
        figures.refresh();
        Api.Reply reply = Api.anonymous(client).get("/api/v1/reports/waiting" + query);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
