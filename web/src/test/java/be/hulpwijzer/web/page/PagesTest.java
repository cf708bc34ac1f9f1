package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.indexer.index.IndexManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages, over HTTP, on real PostgreSQL and a real index: what a care worker sees and what they never see. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest implements SearchTest {

    @Inject
    be.hulpwijzer.catalogue.report.WaitingFigures figures;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    Api api;
    long organisationId;
    long moduleId;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.clean();
        api = Api.admin(client);
        organisationId = api.post("/api/v1/organisations", organisation("CGG Noord-West-Vlaanderen")).id();
        moduleId = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angstbehandeling voor tieners")).id();
        api.put("/api/v1/modules/" + moduleId + "/availability", "{\"state\": \"waiting\", \"waiting\": 4, \"expectedWaitDays\": 84}");
        api.put("/api/v1/modules/" + moduleId + "/availability", "{\"version\": 0, \"state\": \"free\", \"freePlaces\": 3}");
        caughtUp();
    }

    @Test
    void aCareWorkerFindsHelpWithAnAvailabilityBadgeThatSaysHowFreshItIs() {
        HttpResponse<String> page = get("/?q=" + encode("angst 15 jaar") + "&place=Brugge");
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("Angstbehandeling voor tieners", "CGG Noord-West-Vlaanderen",
                "3 plaatsen vrij", "bevestigd vandaag", "12 tot 18 jaar", "<mark>angst</mark>", "1 resultaat");
        assertThat(page.body()).contains("href=\"/modules/" + moduleId + "?terug&#x3D;%2F%3Fq%3Dangst%2B15%2Bjaar%26place%3DBrugge\"");
    }

    @Test
    void everyCardAndModulePageSaysTheAccessRouteAndHelpThroughThePortalDoesNotPromiseAQuickStart() throws Exception {
        long portal = api.post("/api/v1/organisations/" + organisationId + "/modules", module("Contextbegeleiding")
                .replace("\"access\": \"rtj\"", "\"access\": \"nrtj\"").replace("\"referralProcedure\"",
                        "\"cost\": \"Bijdrage volgens inkomen\", \"referralProcedure\"")).id();
        api.put("/api/v1/modules/" + portal + "/availability", "{\"state\": \"free\", \"freePlaces\": 4}");
        caughtUp();

        String results = get("/?q=" + encode("begeleiding 15 jaar")).body();
        assertThat(results).contains("Via de toegangspoort (A-document) · Kost: Bijdrage volgens inkomen · Ook in het Frans",
                "Rechtstreeks toegankelijk · Ook in het Frans");
        String page = get("/modules/" + portal).body();
        assertThat(page).contains("Via de toegangspoort (A-document)",
                "Deze hulp start pas na een beslissing van de intersectorale toegangspoort (A-document)")
                .doesNotContain("na aanmelding kan de hulp snel starten");
        assertThat(get("/modules/" + moduleId).body()).contains("Rechtstreeks toegankelijk", "na aanmelding kan de hulp snel starten");
    }

    @Test
    void theHomePageSaysWhatHulpwijzerIsOffersLifeDomainsAndTheLinesToCallNow() {
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(get("/").body());
        assertThat(home.selectFirst("details.filters").hasAttr("open")).as("nothing searched yet: the filters open").isTrue();
        assertThat(home.select("ul.browse a").eachAttr("href")).contains("/?domain=psychisch-welzijn", "/?domain=school-leren");
        assertThat(home.select(".home .helplines a.call").eachAttr("href")).contains("tel:1813", "tel:102", "tel:106", "tel:1712", "tel:112");
        assertThat(home.text()).contains("sociale kaart van de jeugdhulp");
    }

    @Test
    void afterASearchTheFiltersFoldIntoASummaryCanBeClearedAndThePageSaysWhereItIs() throws Exception {
        for (String title : new String[]{"Angst bij jonge kinderen", "Angst en school"}) {
            api.post("/api/v1/organisations/" + organisationId + "/modules", module(title));
        }
        api.post("/api/v1/organisations/" + organisationId + "/modules", module("Angst in Gent").replace("\"brugge\", \"oostkust\"", "\"gent\""));
        caughtUp();
        org.jsoup.nodes.Document results = org.jsoup.Jsoup.parse(get("/?q=angst&age=15&zone=brugge&size=1&page=2").body());
        assertThat(results.selectFirst("details.filters").hasAttr("open")).isFalse();
        assertThat(results.selectFirst("details.filters summary").text()).contains("leeftijd 15", "Brugge");
        assertThat(results.selectFirst("a:contains(Wis filters)").attr("href")).isEqualTo("/");
        assertThat(results.selectFirst("#results-title").text()).isEqualTo("3 resultaten · pagina 2 van 3");
        org.jsoup.nodes.Element zones = results.select(".facets section").stream()
                .filter(s -> s.selectFirst("h2").text().equals("Eerstelijnszone")).findFirst().orElseThrow();
        assertThat(zones.select("> ul a").eachText()).as("the chosen zone and its neighbours").contains("Brugge", "Oostkust").doesNotContain("Gent");
        assertThat(zones.select("details.more a").eachText()).as("the rest under meer").contains("Gent");
    }

    @Test
    void aWordNoModuleUsesDoesNotEmptyTheResultAndEachHitSaysWhyItWasFound() {
        String body = get("/?q=" + encode("meisje angst 15 jaar Brugge")).body();
        assertThat(body).contains("Angstbehandeling voor tieners", "Gevonden op: angst",
                "Leeftijd gelezen uit &quot;15 jaar&quot;: 15 jaar.").doesNotContain("Geen hulp gevonden");
    }

    @Test
    void nothingFoundWithinWhatWasReadOffersToDropItAndShowsTheHelplines() {
        String body = get("/?q=" + encode("angst 4 jaar Brugge")).body();
        assertThat(body).contains("Geen hulp gevonden", "Leeftijd 4 jaar weglaten", "href=\"/?q&#x3D;angst+Brugge\"",
                "Overal zoeken, niet enkel in Brugge", "href=\"/?q&#x3D;angst+4+jaar\"",
                "Leeftijd gelezen uit &quot;4 jaar&quot;: 4 jaar.", "Hulplijnen", "href=\"tel:102\"", "Awel 102");
    }

    @Test
    void aReadingOfTheSearchBoxCanBeUndone() {
        String body = get("/?q=" + encode("angst 4 jaar")).body();
        assertThat(body).contains("Leeftijd gelezen uit &quot;4 jaar&quot;", "href=\"/?q&#x3D;angst+4+jaar&amp;readAge&#x3D;false\"");
        assertThat(get("/?q=" + encode("angst 4 jaar") + "&readAge=false").body())
                .contains("Angstbehandeling voor tieners").doesNotContain("Leeftijd gelezen uit");
    }

    @Test
    void searchesAboutSuicideShowTheHelplinesFirstAndSayWhatElseWasSearched() {
        String body = get("/?q=" + encode("zelfmoordgedachten")).body();
        assertThat(body).contains("Hulplijnen", "Zelfmoordlijn 1813", "href=\"tel:1813\"", "Tele-Onthaal 106",
                "Noodnummer 112", "Ook gezocht voor &quot;zelfmoordgedachten&quot;");
        assertThat(body.indexOf("Zelfmoordlijn 1813")).as("the lines come before any result")
                .isLessThan(Math.max(body.indexOf("class=\"cards\""), body.indexOf("Geen hulp gevonden")));
        assertThat(get("/?q=angst").body()).doesNotContain("Hulplijnen");
    }

    @Test
    void thePageSaysWhatItReadFromTheSearchBox() {
        String body = get("/?q=" + encode("angst 15 jaar zonder wachtlijst")).body();
        assertThat(body).contains("Angstbehandeling voor tieners", "Leeftijd gelezen uit &quot;15 jaar&quot;: 15 jaar.",
                "Gelezen uit &quot;zonder wachtlijst&quot;: alleen hulp met nu een vrije plaats.");
        assertThat(get("/?q=" + encode("angst 16-18 jaar")).body()).contains("Angstbehandeling voor tieners",
                "Leeftijd gelezen uit &quot;16-18 jaar&quot;: 16 tot 18 jaar.");
        assertThat(get("/?q=angst&age=" + encode("16-18")).body()).contains("Angstbehandeling voor tieners");
        assertThat(get("/?q=angst&age=" + encode("3 tot 6")).body()).contains("Geen hulp gevonden");
        assertThat(get("/?q=" + encode("angst 18+")).body()).contains("Angstbehandeling voor tieners",
                "Leeftijd gelezen uit &quot;18+&quot;: vanaf 18 jaar.");
        assertThat(get("/?q=angst&age=" + encode("18+")).body()).contains("Angstbehandeling voor tieners");
        assertThat(get("/?q=angst&age=" + encode("19+")).body()).contains("Geen hulp gevonden");
    }

    @Test
    void sortedByDistanceFromAPlaceEachCardSaysHowFarAndWithoutAPlaceThePageSaysWhatIsMissing() throws Exception {
        api.post("/api/v1/organisations/" + organisationId + "/locations", """
                {"name": "Onthaal", "postcode": "8400"}""");
        caughtUp();
        String body = get("/?q=angst&place=Brugge&sort=distance").body();
        assertThat(body).contains("<option value=\"distance\" selected>", "Angstbehandeling voor tieners")
                .containsPattern("op ongeveer 2\\d,\\d km");
        assertThat(get("/?q=angst&place=Brugge").body()).doesNotContain("op ongeveer");
        assertPage("/?q=angst&sort=distance", 400, "Sorteren op afstand vraagt een plaats");
    }

    @Test
    void theWholeSearchLivesInTheUrlSoFacetLinksKeepIt() {
        String body = get("/?q=angst&availableNow=true").body();
        assertThat(body).contains("name=\"availableNow\" value=\"true\" checked");
        assertThat(body).contains("value=\"angst\"");
        assertThat(body).containsPattern("href=\"/\\?q&#x3D;angst&amp;availableNow&#x3D;true&amp;zone&#x3D;brugge\"");
    }

    @Test
    void nothingFoundSaysWhyAndOffersToWiden() {
        String body = get("/?q=angts&zone=westhoek&availableNow=true").body();
        assertThat(body).contains("Geen hulp gevonden", "Bedoelde u", ">angst<", "Ook hulp zonder vrije plaats tonen",
                "Zoeken in heel West-Vlaanderen");
    }

    @Test
    void catalogueContentIsAlwaysEscaped() throws Exception {
        long evil = api.post("/api/v1/organisations", organisation("<script>alert(1)</script>")
                .replace("0403.170.701", "0412.345.614")).id();
        long evilModule = api.post("/api/v1/organisations/" + evil + "/modules",
                module("Angst <img src=x onerror=alert(2)>")).id();
        caughtUp();
        for (String path : new String[]{"/?q=angst", "/organisaties/" + evil, "/modules/" + evilModule,
                "/modules/" + evilModule + "/verwijsfiche", "/zones/brugge"}) {
            String body = get(path).body();
            assertThat(body).as(path).doesNotContain("<script>alert", "<img src=x");
            assertThat(body).as(path).containsAnyOf("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src&#x3D;x");
        }
    }

    @Test
    void everyPageSendsSecurityHeadersAndHasNoInlineScript() {
        for (String path : new String[]{"/", "/?q=angst", "/modules/" + moduleId, "/organisaties/" + organisationId,
                "/zones/brugge", "/methodieken", "/engagementen", "/wachtbeheer", "/login", "/bestaat-niet"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(page.body()).as(path).contains("<html lang=\"nl\">", "<main id=\"inhoud\">");
        }
    }

    @Test
    void unknownPagesAndBadParametersGetAFriendlyDutchPageWithTheRightStatus() {
        assertPage("/bestaat-niet", 404, "Pagina niet gevonden");
        assertPage("/modules/424242", 404, "Pagina niet gevonden");
        assertPage("/organisaties/424242", 404, "Pagina niet gevonden");
        assertPage("/zones/atlantis", 404, "Pagina niet gevonden");
        assertPage("/modules/abc", 400, "Deze vraag begrijpen we niet");
        assertPage("/?age=200", 400, "&#x27;Leeftijd (jaar)&#x27; moet tussen 0 en 120 liggen");
        assertPage("/?age=abc", 400, "&#x27;Leeftijd (jaar)&#x27; moet een geheel getal zijn");
        assertPage("/?maxWaitWeeks=-1", 400, "&#x27;Maximum wachttijd (weken)&#x27; moet tussen 0 en 520 liggen");
        assertPage("/?place=Atlantis", 400, "kennen we niet als gemeente");
        assertThat(get("/api/v1/bestaat-niet").header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theModulePageHasAWarmReferralBlockAndTheWaitingHistoryAsAChart() {
        String body = get("/modules/" + moduleId).body();
        assertThat(body).contains("Warm doorverwijzen", "An Peeters", "href=\"tel:050123456\"",
                "mailto:an.peeters@cgg.example.be", "Bel het onthaal.", "Er is nu plaats");
        assertThat(body).contains("<svg class=\"chart\"", "role=\"img\"", "weken wachten</text>", "Wachtlijst",
                "<th scope=\"col\">Wachttijd (weken)</th>", "<td>Wachtlijst</td><td>12</td>");
        String sheet = get("/modules/" + moduleId + "/verwijsfiche?terug=%2F%3Fq%3Dangst").body();
        assertThat(sheet).contains("Verwijsfiche", "An Peeters", "Bel het onthaal.", "geen gegevens over het gezin", "Gedrukt op ",
                "Rechtstreeks toegankelijk", "3 plaatsen vrij (bevestigd op ", "<a href=\"/?q&#x3D;angst\">Terug naar zoeken</a>");
    }

    @Test
    void anOrganisationPageHidesConfidentialAddresses() {
        api.post("/api/v1/organisations/" + organisationId + "/locations",
                "{\"name\": \"Vluchthuis\", \"street\": \"Geheime Dreef 7\", \"postcode\": \"8000\", \"confidential\": true}");
        api.post("/api/v1/organisations/" + organisationId + "/locations",
                "{\"name\": \"Onthaal\", \"street\": \"Markt 1\", \"postcode\": \"8000\"}");
        String body = get("/organisaties/" + organisationId).body();
        assertThat(body).contains("Vluchthuis", "adres niet openbaar", "Markt 1, 8000 Brugge", "Angstbehandeling voor tieners",
                        "https://www.openstreetmap.org/search?query&#x3D;Markt+1%2C+8000+Brugge%2C+Belgi%C3%AB",
                        "<dd><a href=\"tel:050123456\">050 12 34 56</a></dd>", "<dd>0403.170.701</dd>",
                        "<a href=\"https://cgg.example.be\" rel=\"noopener\">")
                .doesNotContain("Geheime Dreef");
        assertThat(get("/modules/" + moduleId).body()).doesNotContain("Geheime Dreef");
    }

    @Test
    void theZonePageIsTheSocialMapOfOneZonePerLifeDomain() {
        String body = get("/zones/brugge").body();
        assertThat(body).contains("Sociale kaart van Brugge", "Psychisch welzijn", "Angstbehandeling voor tieners",
                "href=\"/?zone&#x3D;brugge\"");
        assertThat(get("/zones/westhoek").body()).contains("Nog geen hulp geregistreerd");
    }

    @Test
    void methodsAndEngagementsPagesShowWhoDoesWhat() {
        api.post("/api/v1/methods", "{\"name\": \"Signs of Safety\", \"description\": \"Oplossingsgericht.\", \"synonyms\": [\"SoS\"]}");
        api.put("/api/v1/modules/" + moduleId, Fixtures.withVersion(module("Angstbehandeling voor tieners")
                .replace("\"languages\"", "\"methods\": [\"signs-of-safety\"], \"languages\""),
                api.get("/api/v1/modules/" + moduleId).version()));
        api.post("/api/v1/organisations/" + organisationId + "/engagements", """
                {"title": "GBO-doorverwijzingen binnen vijf dagen", "targetGroup": "gezinnen met vragen over angst",
                 "capacityPerMonth": 4, "responseTimeDays": 5, "zones": ["brugge"], "validFrom": "2020-01-01",
                 "contactName": "Els Maes", "contactPhone": "050 44 55 66", "moduleIds": [%d]}""".formatted(moduleId));
        assertThat(get("/methodieken").body()).contains("Signs of Safety", "CGG Noord-West-Vlaanderen");
        assertThat(get("/engagementen").body()).contains("GBO-doorverwijzingen binnen vijf dagen", "4 per maand",
                "reactie binnen 5 dagen", "Geldt in: Brugge", "Contact: Els Maes", "href=\"tel:050445566\"",
                "Voor: <a href=\"/modules/" + moduleId + "\">Angstbehandeling voor tieners</a>");
        assertThat(get("/engagementen?q=gbo").body()).contains("GBO-doorverwijzingen binnen vijf dagen");
        assertThat(get("/engagementen?q=budget").body()).doesNotContain("GBO-doorverwijzingen binnen vijf dagen");
        assertThat(get("/organisaties/" + organisationId).body()).contains("Contact: Els Maes", "Voor: <a href=\"/modules/" + moduleId);
        assertThat(get("/methodieken?q=sos").body()).contains("Signs of Safety", "1 organisatie werkt ermee");
        assertThat(get("/methodieken?q=xyz").body()).doesNotContain("Signs of Safety").contains("Geen methodiek gevonden");
        assertThat(get("/engagementen?zone=brugge").body()).contains("GBO-doorverwijzingen binnen vijf dagen",
                "<option value=\"brugge\" selected>");
        assertThat(get("/engagementen?zone=westhoek").body()).doesNotContain("GBO-doorverwijzingen binnen vijf dagen")
                .contains("Geen engagementen die vandaag gelden voor deze keuze.");
        assertPage("/engagementen?zone=atlantis", 400, "geen eerstelijnszone");
        assertThat(get("/zones/brugge").body()).contains("href=\"/engagementen?zone&#x3D;brugge\"");
    }

    @Test
    void theWaitingOverviewShowsEachZoneAndDomainWithItsMedianAndRoomNow() {
        figures.refresh();
        String body = get("/wachtbeheer").body();
        assertThat(body).contains("Wachtbeheer: West-Vlaanderen", "Brugge", "Westhoek", "Psychisch welzijn",
                "href=\"/?zone&#x3D;brugge&amp;domain&#x3D;psychisch-welzijn\"", "1 van 1 vrij", "0 dagen");
        assertPage("/wachtbeheer?provincie=Atlantis", 400, "geen provincie");
        String trend = get("/wachtbeheer?provincie=West-Vlaanderen&zone=brugge&domein=psychisch-welzijn").body();
        assertThat(trend).contains("Verloop van de wachttijd", "Mediaan wachttijd in dagen per week: Brugge, Psychisch welzijn",
                "<path class=\"line\" d=\"M", "Per soort hulp en leeftijd: Brugge, Psychisch welzijn", "Cijfers berekend op");
    }

    @Test
    void pagesWorkWithoutJavaScriptTheScriptOnlyEnhances() {
        String body = get("/").body();
        assertThat(body).contains("<form class=\"search\" method=\"get\" action=\"/\"", "<button type=\"submit\">");
        assertThat(get("/static/hulpwijzer.js").code()).isEqualTo(200);
        assertThat(get("/static/hulpwijzer.css").body()).contains("@media print");
    }

    private void assertPage(String path, int status, String text) {
        HttpResponse<String> page = get(path);
        assertThat(page.code()).as(path).isEqualTo(status);
        assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
        assertThat(page.body()).as(path).contains(text).doesNotContain("Exception", "at be.hulpwijzer");
    }

    private HttpResponse<String> get(String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path).accept("text/html"), String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).headers(h -> e.getResponse().getHeaders()
                    .forEach((name, values) -> values.forEach(v -> h.add(name, v))))
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private void caughtUp() throws Exception {
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
