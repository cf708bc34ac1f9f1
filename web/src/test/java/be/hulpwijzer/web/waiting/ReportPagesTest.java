package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.report.WaitingFigures;
import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.YearMonth;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** The coordinator's report and signals pages: their own zone first, a region and period to choose, downloads. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest implements SearchTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    WaitingFigures figures;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        Api admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling")).id();
        admin.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 80}");
        admin.post("/api/v1/accounts", "{\"email\": \"co@oostkust.example\", \"name\": \"Co\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"coordinator\", \"zones\": [\"oostkust\"]}");
        admin.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        figures.refresh();
    }

    @Test
    void theReportStartsAtTheCoordinatorsZoneAndOffersCsvAndJson() {
        Session co = Session.loggedIn(server, "co@oostkust.example");
        HttpResponse<String> page = co.get("/rapport");
        assertThat(page.statusCode()).isEqualTo(200);
        String month = YearMonth.now().toString();
        assertThat(page.body()).contains("Rapport voor het netwerk", "<option value=\"zone:oostkust\" selected>Zone Oostkust</option>",
                "Oostkust, " + YearMonth.now().minusMonths(11) + " tot en met " + month, "1 actieve modules, waarvan 0 nu met plaats",
                "80 dagen", "href=\"/api/v1/reports/period/csv?zone&#x3D;oostkust&amp;from&#x3D;", "Download als JSON");
        assertThat(co.get("/rapport?regio=provincie:West-Vlaanderen&van=" + month + "&tot=" + month).body())
                .contains("West-Vlaanderen, " + month + " tot en met " + month, "<option value=\"provincie:West-Vlaanderen\" selected>");
        HttpResponse<String> wrong = co.get("/rapport?van=vorige-maand");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("moet een maand zijn in de vorm JJJJ-MM");
        assertThat(co.get("/signalen?regio=zone:brugge").body()).contains("Brugge, ", "/api/v1/reports/signals/csv?zone&#x3D;brugge");
    }

    @Test
    void editorsAndAnonymousVisitorsDoNotSeeReports() {
        assertThat(Session.loggedIn(server, "an@cgg.example").get("/rapport").statusCode()).isEqualTo(403);
        assertThat(new Session(server).get("/rapport").statusCode()).isEqualTo(303);
    }
}
