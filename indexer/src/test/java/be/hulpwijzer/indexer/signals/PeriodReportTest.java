package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.report.WaitingFigures;
import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.YearMonth;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period report of a region against a hand-computed fixture: three months of history, two modules in
 * the region and one outside it, a stale entry, and searches in and outside the region.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodReportTest implements SearchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    IndexManager indexes;
    @Inject
    WaitingFigures figures;
    @Inject
    SearchLog log;

    Api api;
    YearMonth now = YearMonth.now();
    String period;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.clean();
        log.flush();
        sql.run("truncate search_log");
        api = Api.admin(client);
        long organisation = api.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long a = api.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling")).id();
        long a2 = api.post("/api/v1/organisations/" + organisation + "/modules", module("Groepstherapie")).id();
        long gent = api.post("/api/v1/organisations/" + organisation + "/modules",
                module("In Gent").replace("\"brugge\", \"oostkust\"", "\"gent\"")).id();
        api.put("/api/v1/modules/" + a + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 80}");
        api.put("/api/v1/modules/" + a2 + "/availability", "{\"state\": \"waiting\", \"waiting\": 1, \"expectedWaitDays\": 20}");
        api.put("/api/v1/modules/" + gent + "/availability", "{\"state\": \"waiting\", \"waiting\": 9, \"expectedWaitDays\": 200}");
        sql.run("update availability set confirmed_at = now() - interval '40 days' where module_id = " + a2);
        // three months of history, as hand-made: month 0 = two months ago
        sql.run("delete from availability_history");
        history(a, 0, 10, "waiting", 40);
        history(a, 2, 1, "waiting", 80);
        history(a2, 0, 20, "free", null);
        history(a2, 1, 15, "waiting", 20);
        history(gent, 0, 5, "waiting", 200);
        period = "from=" + now.minusMonths(2) + "&to=" + now;
        figures.refresh();
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        api.get("/api/v1/search?q=slaapproblemen&zone=brugge");
        api.get("/api/v1/search?q=slaapproblemen&zone=brugge");
        api.get("/api/v1/search?q=slaapproblemen&zone=gent");
        api.post("/api/v1/organisations/" + organisation + "/engagements", "{\"title\": \"GBO-consult binnen 5 dagen\", "
                + "\"capacityPerMonth\": 2, \"responseTimeDays\": 5, \"zones\": [\"brugge\"], \"validFrom\": \"2025-01-01\"}");
    }

    @Test
    void theReportOfAZoneHoldsItsWaitingTrendStaleShareAndUnmetSearches() {
        JsonNode report = api.get("/api/v1/reports/period?zone=brugge&" + period).body();
        assertThat(report.get("region").asText()).isEqualTo("Brugge");
        assertThat(report.get("totals").get("modules").asInt()).isEqualTo(2);
        assertThat(report.get("totals").get("stale").asInt()).isEqualTo(1);
        assertThat(report.get("totals").get("staleShare").asDouble()).isEqualTo(0.5);

        JsonNode cell = report.get("waiting").get(0);
        assertThat(cell.get("zone").asText()).isEqualTo("brugge");
        assertThat(cell.get("modules").asInt()).isEqualTo(2);
        // waits 20 and 80: median 50, p90 20 + 0.9 × 60 = 74
        assertThat(cell.get("medianWaitDays").asDouble()).isEqualTo(50.0);
        assertThat(cell.get("p90WaitDays").asDouble()).isEqualTo(74.0);

        // end of month 0: 40 and 0 (room now); month 1: 40 and 20; month 2: 80 and 20 (Gent's 200 never counts)
        JsonNode trend = report.get("trend");
        assertThat(trend).hasSize(3);
        assertThat(trend.get(0).get("month").asText()).isEqualTo(now.minusMonths(2).toString());
        assertThat(trend.get(0).get("medianWaitDays").asDouble()).isEqualTo(20.0);
        assertThat(trend.get(1).get("medianWaitDays").asDouble()).isEqualTo(30.0);
        assertThat(trend.get(2).get("medianWaitDays").asDouble()).isEqualTo(50.0);
        assertThat(trend.get(2).get("modulesWithWait").asInt()).isEqualTo(2);

        assertThat(report.get("overall").get("waiting").asInt()).as("children and families waiting: 4 + 1").isEqualTo(5);
        assertThat(report.get("searches").asInt()).as("the denominator of 'found nothing'").isEqualTo(2);
        assertThat(report.get("byAccess").get(0).get("code").asText()).isEqualTo("rtj");
        assertThat(report.get("byAccess").get(0).get("waiting").asInt()).isEqualTo(5);
        assertThat(report.get("byType").get(0).get("code").asText()).isEqualTo("consult");
        JsonNode comparison = report.get("comparison");
        assertThat(comparison).hasSize(3);
        assertThat(comparison.get(1).get("name").asText()).isEqualTo("West-Vlaanderen");
        assertThat(comparison.get(2).get("name").asText()).isEqualTo("Vlaanderen en Brussel");
        assertThat(comparison.get(2).get("figures").get("waiting").asInt()).as("Gent's 9 counts in Flanders").isEqualTo(14);
        assertThat(comparison.get(2).get("figures").get("modules").asInt()).isEqualTo(3);
        assertThat(report.get("engagements").get(0).get("capacityPerMonth").asInt()).isEqualTo(2);

        JsonNode unmet = report.get("unmetSearches");
        assertThat(unmet).hasSize(1);
        assertThat(unmet.get(0).get("zones").toString()).isEqualTo("[\"brugge\"]");
        assertThat(unmet.get(0).get("searches").asInt()).isEqualTo(2);
        assertThat(unmet.get(0).get("withoutResults").asInt()).isEqualTo(2);
    }

    @Test
    void aProvinceCountsAModuleOfSeveralOfItsZonesOnceAndTheCsvHasEverySection() {
        JsonNode report = api.get("/api/v1/reports/period?province=West-Vlaanderen&" + period).body();
        assertThat(report.get("zones").size()).isGreaterThan(5);
        assertThat(report.get("totals").get("modules").asInt()).isEqualTo(2);
        assertThat(report.get("waiting")).hasSize(2);

        String csv = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/reports/period/csv?zone=brugge&" + period)
                .bearerAuth(Api.ADMIN_TOKEN));
        assertThat(csv).as("Excel reads UTF-8 only with a byte order mark").startsWith("\uFEFFOnderdeel;Regio;Zone (code);Zone;");
        assertThat(csv.lines().filter(l -> l.startsWith("Verloop per maand;Brugge;;;psychisch-welzijn;Psychisch welzijn;"))).hasSize(3);
        assertThat(csv).contains("Wachttijd per zone en levensdomein;Brugge;brugge;Brugge;psychisch-welzijn;Psychisch welzijn;;;;2;0;;50;74;1;",
                "Totaal;Brugge;", "Per toegang;Brugge;;;;;rtj;Rechtstreeks toegankelijk (RTJ);;2;0;5;50;;1;50;",
                "Vergelijking;Vlaanderen en Brussel;;;;;;;;3;0;14;80;;1;33,3;", "Engagementen;Brugge;brugge;Brugge;;;;CGG Brugge: GBO-consult binnen 5 dagen;",
                "Zoekopdrachten zonder (vrij) aanbod;Brugge;brugge;Brugge;")
                .doesNotContain("50.0", "0000000");
        String signals = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/reports/signals/csv?province=Oost-Vlaanderen&" + period)
                .bearerAuth(Api.ADMIN_TOKEN));
        assertThat(signals.lines()).hasSize(2);
        assertThat(signals).startsWith("\uFEFF");
        assertThat(signals.lines().skip(1).findFirst().orElse("")).contains(";gent;Gent;", ";1;1;1");
    }

    @Test
    void wrongRegionsAndPeriodsAreRefusedNamingTheParameterAndOnlyCoordinatorsAndAdministratorsSeeReports() {
        assertThat(api.get("/api/v1/reports/period?zone=atlantis").body().get("errors").get(0).get("field").asText()).isEqualTo("zone");
        assertThat(api.get("/api/v1/reports/period?province=Utopia").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/period?from=2026-13").body().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(api.get("/api/v1/reports/period?from=2026-06&to=2026-01").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/period?from=2020-01&to=2026-01").status()).as("over 36 months").isEqualTo(400);
        assertThat(Api.anonymous(client).get("/api/v1/reports/period").status()).isEqualTo(401);
        long organisation = sql.column("select id from organisation").stream().mapToLong(Long::parseLong).findFirst().orElseThrow();
        String token = api.post("/api/v1/organisations/" + organisation + "/tokens", "{\"label\": \"x\"}").body().get("token").asText();
        assertThat(api.withToken(token).get("/api/v1/reports/period").status()).isEqualTo(403);
    }

    private void history(long module, int month, int day, String state, Integer wait) {
        sql.run("insert into availability_history (module_id, state, expected_wait_days, confirmed_at) values (" + module + ", '"
                + state + "', " + wait + ", '" + now.minusMonths(2).plusMonths(month).atDay(day) + "T09:00:00Z')");
    }
}
