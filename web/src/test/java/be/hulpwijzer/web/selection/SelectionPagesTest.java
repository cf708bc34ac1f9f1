package be.hulpwijzer.web.selection;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** A care worker keeps two to five modules for a family in the URL, and prints or sends them as one sheet. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectionPagesTest implements SearchTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;
    @Inject
    Sql sql;

    long angst;
    long context;
    long ouders;

    @BeforeAll
    void catalogue() throws Exception {
        fixtures.clean();
        Api admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        angst = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling")).id();
        context = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Contextbegeleiding angst")
                .replace("\"access\": \"rtj\"", "\"access\": \"nrtj\"")).id();
        ouders = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Oudergroep angst")).id();
        admin.put("/api/v1/modules/" + angst + "/availability", "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 42, "
                + "\"note\": \"Intake op dinsdag; bel voor 10 uur\"}");
        admin.put("/api/v1/modules/" + context + "/availability", "{\"state\": \"free\", \"freePlaces\": 2}");
        sql.run("update availability set confirmed_at = '2026-12-01T10:00:00Z' where module_id = " + angst);
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aResultIsKeptInTheSelectionByALinkThatKeepsTheSearch() {
        Session visitor = new Session(server);
        Document results = Jsoup.parse(visitor.get("/?q=angst").body());
        String keep = results.selectFirst("#card-" + angst + " p.select a").attr("href");
        assertThat(keep).startsWith("/?q=angst&m=" + angst);

        Document kept = Jsoup.parse(visitor.get(keep).body());
        assertThat(kept.selectFirst("#card-" + angst).hasClass("selected")).isTrue();
        assertThat(kept.selectFirst("#card-" + angst + " p.select a").text()).startsWith("In selectie (verwijderen)");
        assertThat(kept.select("form.search input[name=m]").attr("value")).as("a new search keeps the selection").isEqualTo(String.valueOf(angst));
        String view = kept.selectFirst(".selection-link a").attr("href");
        assertThat(view).isEqualTo("/selectie?m=" + angst + "&terug=%2F%3Fq%3Dangst");
        assertThat(kept.selectFirst("#card-" + context + " h3 a").attr("href")).as("the module page knows the way back")
                .isEqualTo("/modules/" + context + "?m=" + angst + "&terug=%2F%3Fq%3Dangst");
    }

    @Test
    void theSheetSaysForEachOptionHowToReferWhomToCallTheRouteAndTheWait() {
        HttpResponse<String> sheet = new Session(server).get("/selectie?m=" + angst + "&m=" + context + "&m=" + ouders
                + "&terug=%2F%3Fq%3Dangst");
        assertThat(sheet.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(sheet.body());
        assertThat(page.select("ol.selection > li")).hasSize(3);
        String first = page.selectFirst("#module-" + angst).text();
        assertThat(first).contains("Angstbehandeling", "Rechtstreeks toegankelijk", "± 6 weken wachten (bevestigd op 1 december 2026)",
                "Intake op dinsdag; bel voor 10 uur", "Bel het onthaal.", "An Peeters", "050 12 34 56");
        assertThat(page.selectFirst("#module-" + context).text()).contains("Via de toegangspoort (A-document)",
                "Deze hulp start pas na een beslissing van de intersectorale toegangspoort");
        assertThat(page.selectFirst("#module-" + ouders).text()).contains("Beschikbaarheid onbekend", "nooit bevestigd");
        assertThat(page.text()).contains("Gedrukt op ", "Hulpwijzer bewaart niets over het gezin");
        assertThat(page.selectFirst("a:contains(Terug naar zoeken)").attr("href")).isEqualTo("/?q=angst&m=" + angst + "&m=" + context + "&m=" + ouders);
        assertThat(page.selectFirst("#module-" + context + " a:contains(Uit selectie halen)").attr("href"))
                .isEqualTo("/selectie?m=" + angst + "&m=" + ouders + "&terug=%2F%3Fq%3Dangst");
        assertThat(page.selectFirst("a:contains(Delen per e-mail)").attr("href")).startsWith("mailto:?subject=")
                .contains("%2Fselectie%3Fm%3D" + angst + "%26m%3D" + context);
    }

    @Test
    void aSelectionThatIsNoSelectionIsExplainedAndTheWayBackOnlyLeadsToASearch() {
        HttpResponse<String> wrong = new Session(server).get("/selectie?m=abc");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Deze selectie begrijpen we niet");
        String many = new Session(server).get("/selectie?m=1&m=2&m=3&m=4&m=5&m=6&m=" + angst).body();
        assertThat(many).contains("Een selectie telt hoogstens 5 modules");
        assertThat(Jsoup.parse(new Session(server).get("/selectie?m=" + angst + "&terug=https%3A%2F%2Fevil.example").body())
                .selectFirst("a:contains(Terug naar zoeken)").attr("href")).isEqualTo("/?m=" + angst);
        assertThat(Jsoup.parse(new Session(server).get("/modules/" + angst + "?terug=%2F%2Fevil.example").body())
                .selectFirst("a:contains(Terug naar zoeken)").attr("href")).isEqualTo("/");
    }
}
